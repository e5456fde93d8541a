// The index the engine reads and writes itself must be the one plain git reads and writes:
// entries, stats and ids as git put them, bytes git accepts back (so `git status` agrees), and
// the indexes this writer would lose information from (version 4, a sparse checkout) flagged.
import { lstat, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  indexStatsOf,
  parseIndex,
  readIndexFile,
  serializeIndex,
  statsMatch,
  unknownStats,
  writeIndexFile,
  type IndexEntry,
} from '../../../src/core/node/git/git-index-file';
import { hasSystemGit, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

const LONG = `studies/${'x'.repeat(70)}.json`;

/** A repository whose index (written by git) holds five files, one empty and one with a long name. */
async function gitRepo(): Promise<{ dir: string; gitdir: string }> {
  const dir = path.join(root, 'ws');
  await mkdir(path.join(dir, 'studies'), { recursive: true });
  sysGit(root, 'init', '-q', dir);
  await writeFile(path.join(dir, 'a.txt'), 'a\n');
  // A two-byte name: its entry is exactly 64 bytes and still takes 8 bytes of padding.
  await writeFile(path.join(dir, 'ab'), 'ab');
  await writeFile(path.join(dir, 'empty.txt'), '');
  await writeFile(path.join(dir, 'studies', 'b.json'), '{"b":2}');
  await writeFile(path.join(dir, LONG), 'long');
  sysGit(dir, 'add', '-A');
  return { dir, gitdir: path.join(dir, '.git') };
}
const stage = (dir: string) => sysGit(dir, 'ls-files', '--stage');
const stat = (file: string) => lstat(file, { bigint: true });

describe.skipIf(!hasSystemGit)('the index file', () => {
  it('reads what git wrote: paths, ids, stages and each file’s stats', async () => {
    const { dir, gitdir } = await gitRepo();
    const index = await readIndexFile(gitdir);
    expect(index.unsupported).toBeNull();
    expect(index.writtenNs).toBe((await stat(path.join(gitdir, 'index'))).mtimeNs);
    const listed = stage(dir)
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    expect([...index.entries.keys()]).toEqual(listed.map((l) => l[3]));
    for (const [, oid, st, p] of listed)
      expect(index.entries.get(p!)).toMatchObject({ path: p, oid, stage: Number(st) });
    for (const [p, entry] of index.entries)
      expect(indexStatsOf(await stat(path.join(dir, p)))).toEqual({ ...entry.stats });
  });

  it('is written back byte for byte as git wrote it, and git reads it', async () => {
    const { dir, gitdir } = await gitRepo();
    const status = sysGit(dir, 'status', '--porcelain');
    const bytes = await readFile(path.join(gitdir, 'index'));
    const { entries } = parseIndex(bytes);
    // Given out of order: written sorted by path bytes, as git sorts.
    expect(serializeIndex([...entries.values()].reverse())).toEqual(bytes);
    await writeIndexFile(gitdir, entries.values());
    expect(await readFile(path.join(gitdir, 'index'))).toEqual(bytes);
    expect(sysGit(dir, 'status', '--porcelain')).toBe(status);
  });

  it('tells a file unchanged by its stats, and not once any stat git compares moved', async () => {
    const { dir, gitdir } = await gitRepo();
    const index = await readIndexFile(gitdir);
    for (const p of ['a.txt', 'empty.txt']) {
      const entry = index.entries.get(p)!;
      const st = await stat(path.join(dir, p));
      expect(statsMatch(entry, st, index)).toBe(true);
      expect(statsMatch(entry, st, { ...index, writtenNs: null })).toBe(true);
      // Changed in the instant the index was written: racy, hashed again.
      expect(statsMatch(entry, st, { ...index, writtenNs: st.mtimeNs })).toBe(false);
      for (const key of ['mtimeSec', 'mtimeNsec', 'ctimeSec', 'ctimeNsec', 'ino', 'size'] as const) {
        const moved: IndexEntry = { ...entry, stats: { ...entry.stats, [key]: entry.stats[key] + 1 } };
        expect(statsMatch(moved, st, index), key).toBe(false);
      }
      // What git does not compare either.
      for (const key of ['dev', 'uid', 'gid', 'mode'] as const) {
        const other: IndexEntry = { ...entry, stats: { ...entry.stats, [key]: entry.stats[key] + 1 } };
        expect(statsMatch(other, st, index), key).toBe(true);
      }
    }
    // An empty file dated 1970 (an archive without dates) is trusted by its stats like any other.
    await utimes(path.join(dir, 'empty.txt'), 0, 0);
    const epoch = await stat(path.join(dir, 'empty.txt'));
    const dated: IndexEntry = { path: 'empty.txt', oid: '0'.repeat(40), stage: 0, stats: indexStatsOf(epoch) };
    expect(dated.stats).toMatchObject({ mtimeSec: 0, size: 0 });
    expect(statsMatch(dated, epoch, { ...index, writtenNs: null })).toBe(true);
    const unknown: IndexEntry = { path: 'a.txt', oid: '0'.repeat(40), stage: 0, stats: unknownStats() };
    expect(statsMatch(unknown, await stat(path.join(dir, 'a.txt')), { ...index, writtenNs: null })).toBe(false);
    expect(unknownStats(0o100755).mode).toBe(0o100755);
  });

  it('is empty when missing or damaged, and flagged when this writer would lose what it holds', async () => {
    const { dir, gitdir } = await gitRepo();
    expect(await readIndexFile(path.join(root, 'nowhere'))).toEqual({
      entries: new Map(),
      writtenNs: null,
      unsupported: null,
    });
    // An index that cannot be read is an error, not an empty index (every file would look new).
    await mkdir(path.join(root, 'odd', 'index'), { recursive: true });
    await expect(readIndexFile(path.join(root, 'odd'))).rejects.toThrow(/EISDIR/);
    const bytes = await readFile(path.join(gitdir, 'index'));
    // A header alone, of a version this reader does not write.
    const header = Buffer.alloc(12);
    header.write('DIRC');
    header.writeUInt32BE(4, 4);
    expect(parseIndex(header)).toEqual({ entries: new Map(), unsupported: 'version' });
    expect(parseIndex(Buffer.from('DIRC'))).toEqual({ entries: new Map(), unsupported: null });
    expect(parseIndex(Buffer.concat([Buffer.from('CRID'), bytes.subarray(4)])).entries.size).toBe(0);
    // Cut inside an entry's fixed part, then inside a name.
    for (const cut of [12 + 30, 12 + 62 + 2]) expect(parseIndex(bytes.subarray(0, cut)).entries.size).toBe(0);
    sysGit(dir, 'update-index', '--skip-worktree', 'a.txt');
    const sparse = parseIndex(await readFile(path.join(gitdir, 'index')));
    expect(sparse.unsupported).toBe('sparse');
    expect([...sparse.entries.keys()]).toContain(LONG);
    sysGit(dir, 'update-index', '--no-skip-worktree', 'a.txt');
    expect(parseIndex(await readFile(path.join(gitdir, 'index'))).unsupported).toBeNull();
    // An intent-to-add entry has extended flags too, but hides no file: not sparse.
    await writeFile(path.join(dir, 'later.txt'), 'later');
    sysGit(dir, 'add', '-N', 'later.txt');
    const intent = await readFile(path.join(gitdir, 'index'));
    expect(intent.readUInt32BE(4)).toBe(3);
    expect(parseIndex(intent).unsupported).toBeNull();
    sysGit(dir, 'update-index', '--index-version', '4');
    expect(parseIndex(await readFile(path.join(gitdir, 'index')))).toEqual({
      entries: new Map(),
      unsupported: 'version',
    });
  });

  it('keeps a file stuck in a plain git merge as conflicted, and its stages as git lists them', async () => {
    const { dir } = await gitRepo();
    const stats = unknownStats();
    const [one, two, three] = ['1', '2', '3'].map((c) => c.repeat(40));
    const conflicted: IndexEntry[] = [
      { path: 'a.txt', oid: one!, stage: 1, stats },
      { path: 'a.txt', oid: two!, stage: 2, stats },
      { path: 'a.txt', oid: three!, stage: 3, stats },
      { path: 'b.txt', oid: one!, stage: 0, stats },
    ];
    const parsed = parseIndex(serializeIndex(conflicted)).entries;
    expect(parsed.get('a.txt')).toMatchObject({ oid: one, stage: 1 });
    expect(parsed.get('b.txt')).toMatchObject({ oid: one, stage: 0 });
    await writeIndexFile(path.join(dir, '.git'), conflicted);
    expect(stage(dir)).toBe(
      `100644 ${one} 1\ta.txt\n100644 ${two} 2\ta.txt\n100644 ${three} 3\ta.txt\n100644 ${one} 0\tb.txt\n`,
    );
  });
});
