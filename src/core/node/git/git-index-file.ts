// The repository's index (.git/index, format 2 or 3) read and written directly: the engine
// uses it as git does, as a cache of the working files' stats and blob ids, so "what changed"
// hashes only files whose stats moved (isomorphic-git's statusMatrix took ~400 ms at 1,000
// studies). Written as plain git writes it, so `git status` on the workspace agrees.
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from './git-fs';

export interface IndexStats {
  ctimeSec: number;
  ctimeNsec: number;
  mtimeSec: number;
  mtimeNsec: number;
  dev: number;
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  size: number;
}

export interface IndexEntry {
  path: string;
  oid: string;
  /** 0 normally; 1–3 while a plain `git merge` has a conflict in this file. */
  stage: number;
  stats: IndexStats;
}

export interface IndexFile {
  entries: Map<string, IndexEntry>;
  /** The index file's own mtime (ns): entries not older than it are "racy" and must be hashed. */
  writtenNs: bigint | null;
  /** What this reader cannot keep when it writes the index back: sync refuses (git-sync.ts). */
  unsupported: 'sparse' | 'version' | null;
}

const u32 = (n: bigint | number): number => Number(BigInt(n) & 0xffffffffn);

export function indexStatsOf(st: BigIntStats, mode = 0o100644): IndexStats {
  return {
    ctimeSec: u32(st.ctimeNs / 1_000_000_000n),
    ctimeNsec: u32(st.ctimeNs % 1_000_000_000n),
    mtimeSec: u32(st.mtimeNs / 1_000_000_000n),
    mtimeNsec: u32(st.mtimeNs % 1_000_000_000n),
    dev: u32(st.dev),
    ino: u32(st.ino),
    mode,
    uid: u32(st.uid),
    gid: u32(st.gid),
    size: u32(st.size),
  };
}

/** Zero stats: git and the engine hash such a file before trusting the entry. */
export const unknownStats = (mode = 0o100644): IndexStats => ({
  ctimeSec: 0,
  ctimeNsec: 0,
  mtimeSec: 0,
  mtimeNsec: 0,
  dev: 0,
  ino: 0,
  mode,
  uid: 0,
  gid: 0,
  size: 0,
});

/** Whether the file with stats `st` is, by its stats, the one the entry describes (git's test). */
export function statsMatch(entry: IndexEntry, st: BigIntStats, index: IndexFile): boolean {
  const now = indexStatsOf(st, entry.stats.mode);
  const e = entry.stats;
  if (e.mtimeSec === 0 && e.size === 0 && e.ino === 0) return false;
  const same =
    e.mtimeSec === now.mtimeSec &&
    e.mtimeNsec === now.mtimeNsec &&
    e.ctimeSec === now.ctimeSec &&
    e.ctimeNsec === now.ctimeNsec &&
    e.ino === now.ino &&
    e.size === now.size;
  // Changed in the same instant the index was written: the stats cannot tell (racy git).
  return same && (index.writtenNs === null || st.mtimeNs < index.writtenNs);
}

export async function readIndexFile(gitdir: string): Promise<IndexFile> {
  const file = path.join(gitdir, 'index');
  let buf: Buffer;
  let writtenNs: bigint | null = null;
  try {
    buf = await fsp.readFile(file);
    writtenNs = (await fsp.stat(file, { bigint: true })).mtimeNs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { entries: new Map(), writtenNs: null, unsupported: null };
    throw err;
  }
  return { ...parseIndex(buf), writtenNs };
}

/**
 * Entries of an index buffer; damage gives none (everything is hashed again). An index this
 * writer would lose information from — another version (4: prefix-compressed paths) or
 * skip-worktree entries (a sparse checkout, where missing files are not deletions) — is flagged.
 */
export function parseIndex(buf: Buffer): Pick<IndexFile, 'entries' | 'unsupported'> {
  const entries = new Map<string, IndexEntry>();
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return { entries, unsupported: null };
  const version = buf.readUInt32BE(4);
  if (version !== 2 && version !== 3) return { entries, unsupported: 'version' };
  let unsupported: IndexFile['unsupported'] = null;
  const count = buf.readUInt32BE(8);
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + 62 > buf.length) return { entries: new Map(), unsupported };
    const w = (k: number) => buf.readUInt32BE(at + k * 4);
    const stats: IndexStats = {
      ctimeSec: w(0),
      ctimeNsec: w(1),
      mtimeSec: w(2),
      mtimeNsec: w(3),
      dev: w(4),
      ino: w(5),
      mode: w(6),
      uid: w(7),
      gid: w(8),
      size: w(9),
    };
    const oid = buf.toString('hex', at + 40, at + 60);
    const flags = buf.readUInt16BE(at + 60);
    const extended = (flags & 0x4000) !== 0;
    // Extended flags: 0x4000 is skip-worktree (0x2000 intent-to-add changes nothing on disk).
    if (extended && (buf.readUInt16BE(at + 62) & 0x4000) !== 0) unsupported = 'sparse';
    const nameStart = at + 62 + (extended ? 2 : 0);
    const nameEnd = buf.indexOf(0, nameStart);
    if (nameEnd < 0) return { entries: new Map(), unsupported };
    const name = buf.toString('utf8', nameStart, nameEnd);
    const stage = (flags >> 12) & 3;
    // Keep stage 0, or the first conflicted stage seen (enough to know a merge is unfinished).
    if (!entries.has(name) || stage === 0) entries.set(name, { path: name, oid, stage, stats });
    const entryLength = nameEnd - at;
    at += Math.ceil((entryLength + 1) / 8) * 8;
  }
  return { entries, unsupported };
}

/** Bytes of a format-2 index holding `entries` (sorted as git sorts them: by path bytes). */
export function serializeIndex(entries: Iterable<IndexEntry>): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  // Stryker disable next-line StringLiteral: ASCII, the same bytes in every encoding
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(sorted.length, 8);
  parts.push(header);
  for (const entry of sorted) {
    // Stryker disable next-line StringLiteral: Buffer.from with no encoding is UTF-8 too
    const name = Buffer.from(entry.path, 'utf8');
    const length = Math.ceil((62 + name.length + 1) / 8) * 8;
    const b = Buffer.alloc(length);
    const s = entry.stats;
    [s.ctimeSec, s.ctimeNsec, s.mtimeSec, s.mtimeNsec, s.dev, s.ino, s.mode, s.uid, s.gid, s.size].forEach((v, k) =>
      b.writeUInt32BE(u32(v), k * 4),
    );
    b.write(entry.oid, 40, 'hex');
    b.writeUInt16BE(((entry.stage & 3) << 12) | Math.min(name.length, 0xfff), 60);
    name.copy(b, 62);
    parts.push(b);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

export async function writeIndexFile(gitdir: string, entries: Iterable<IndexEntry>): Promise<void> {
  await writeAtomically(path.join(gitdir, 'index'), serializeIndex(entries));
}
