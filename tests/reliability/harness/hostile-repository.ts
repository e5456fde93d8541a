// A hostile repository: a workspace as a stranger's git repository (or a prank) could hand
// you, with entries no editor makes — links out of the workspace, link loops, FIFOs, /dev/zero,
// folders named like files, huge sparse files, JSON nested thousands deep — next to healthy
// studies, and a sentinel folder *outside* the workspace that those links point into.
// Casebook must open it, list every healthy study, refuse or set aside each hostile entry
// with a reason, and never read, move or write anything in the sentinel folder.
//
// Entries are described as cases (what to build, where, and what Casebook must do with it),
// so a corpus test can add its own (forged markers, planted caches) beside these.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { sampleStudy } from '../../helpers/study-files';

/** What Casebook must do with an entry. */
export type HostileOutcome =
  | 'listed' // a healthy study: listed and opened
  | 'quarantined' // a damaged regular file: moved to .quarantine/ with the reason
  | 'skipped' // a link or an entry that is not a regular file: left where it is, reported
  | 'refused' // the whole workspace does not open: a clear message, nothing changed
  | 'ignored'; // not a study at all (Casebook's own or hidden names): neither listed nor reported

export interface HostileContext {
  workspace: string;
  /** The sentinel folder outside the workspace (links point into it). */
  outside: string;
}

export interface HostileCase {
  name: string;
  /** Workspace-relative path of the entry the case creates. */
  path: string;
  outcome: HostileOutcome;
  make(ctx: HostileContext): Promise<void>;
}

/** Bigger than Casebook's 16 MB bound, and far bigger than 2 GiB: sparse, so both cost no disk. */
export const HUGE_BYTES = 17 * 1024 * 1024;
export const OVER_2_GIB = 2 * 1024 ** 3 + 4096;
/** Deeper than any stack-recursive validator survives (JSON.parse itself is fine). */
export const DEEP_NESTING = 5_000;

export function studyJson(n: number, overrides: Parameters<typeof sampleStudy>[1] = {}): string {
  return `${JSON.stringify(sampleStudy(n, overrides), null, 2)}\n`;
}

/** A study file whose "problem" section is a blockquote nested `depth` deep (built as text). */
export function deepStudyJson(n: number, depth = DEEP_NESTING): string {
  const study = JSON.parse(studyJson(n)) as Record<string, unknown>;
  const marker = '"__DEEP__"';
  study.problem = '__DEEP__';
  const open = '{"type":"blockquote","content":['.repeat(depth);
  const close = ']}'.repeat(depth);
  const deep = `{"type":"doc","content":[${open}{"type":"paragraph","content":[{"type":"text","text":"deep"}]}${close}]}`;
  return JSON.stringify(study, null, 2).replace(marker, deep);
}

async function write(file: string, text: string | Buffer): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, text);
}

async function sparse(file: string, size: number): Promise<void> {
  await write(file, '{"schemaVersion":1,');
  await fsp.truncate(file, size);
}

async function fifo(file: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
}

async function link(target: string, file: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.symlink(target, file);
}

const at = (ctx: HostileContext, rel: string): string => path.join(ctx.workspace, rel);

/** Builds the sentinel folder: files a followed link would read, list or overwrite. */
export async function makeSentinel(outside: string): Promise<void> {
  await write(path.join(outside, 'private-study.json'), studyJson(900, { id: 'private-study', title: 'PRIVATE' }));
  await write(path.join(outside, 'config', 'settings.json'), '{"secret": "do not touch"}\n');
  await write(path.join(outside, 'config', 'outside-study.json'), studyJson(901, { id: 'outside-study' }));
  // A PNG signature and a marker a leak would carry into an export.
  await write(
    path.join(outside, 'private.png'),
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('PRIVATE-PIXELS')]),
  );
  await fsp.mkdir(path.join(outside, 'folder.json'), { recursive: true });
}

/** The name of an asset file (content-addressed) pointing at the sentinel's private image. */
export const LINKED_ASSET = `${'ab'.repeat(32)}.png`;

/** Entries inside one workspace: it must open, with each entry handled as its outcome says. */
export function entryCases(): HostileCase[] {
  const study = (n: number, name: string, outcome: HostileOutcome, make: HostileCase['make']): HostileCase => ({
    name,
    path: `studies/${name.replace(/[^a-z0-9]+/g, '-')}.json`,
    outcome,
    make,
  });
  const cases: HostileCase[] = [
    study(1, 'healthy one', 'listed', async (ctx) =>
      write(at(ctx, 'studies/healthy-one.json'), studyJson(1, { id: 'healthy-one', title: 'Healthy one' })),
    ),
    study(2, 'healthy two', 'listed', async (ctx) =>
      write(at(ctx, 'studies/healthy-two.json'), studyJson(2, { id: 'healthy-two', title: 'Healthy two' })),
    ),
    study(3, 'not json', 'quarantined', async (ctx) =>
      write(at(ctx, 'studies/not-json.json'), '{"schemaVersion": 1, '),
    ),
    study(4, 'empty', 'quarantined', async (ctx) => write(at(ctx, 'studies/empty.json'), '')),
    study(5, 'huge sparse', 'quarantined', async (ctx) => sparse(at(ctx, 'studies/huge-sparse.json'), HUGE_BYTES)),
    study(6, 'over two gib', 'quarantined', async (ctx) => sparse(at(ctx, 'studies/over-two-gib.json'), OVER_2_GIB)),
    study(7, 'deep nesting', 'quarantined', async (ctx) =>
      write(at(ctx, 'studies/deep-nesting.json'), deepStudyJson(7).replace('"study-7"', '"deep-nesting"')),
    ),
    study(8, 'folder', 'skipped', async (ctx) => {
      await fsp.mkdir(at(ctx, 'studies/folder.json'), { recursive: true });
    }),
    study(9, 'link to folder', 'skipped', async (ctx) =>
      link(path.join(ctx.outside, 'folder.json'), at(ctx, 'studies/link-to-folder.json')),
    ),
    study(10, 'link to outside study', 'skipped', async (ctx) =>
      link(path.join(ctx.outside, 'private-study.json'), at(ctx, 'studies/link-to-outside-study.json')),
    ),
    study(11, 'link loop', 'skipped', async (ctx) => {
      await link('link-loop-b.json', at(ctx, 'studies/link-loop.json'));
      await link('link-loop.json', at(ctx, 'studies/link-loop-b.json'));
    }),
    study(12, 'dangling link', 'skipped', async (ctx) =>
      link(path.join(ctx.outside, 'missing.json'), at(ctx, 'studies/dangling-link.json')),
    ),
    study(13, 'fifo', 'skipped', async (ctx) => fifo(at(ctx, 'studies/fifo.json'))),
    study(14, 'dev zero', 'skipped', async (ctx) => link('/dev/zero', at(ctx, 'studies/dev-zero.json'))),
    {
      name: 'temp-named folder',
      path: 'studies/.casebook-tmp-x.json-0123.tmp',
      outcome: 'ignored',
      make: async (ctx) => {
        await fsp.mkdir(at(ctx, 'studies/.casebook-tmp-x.json-0123.tmp'), { recursive: true });
      },
    },
    {
      name: 'template link',
      path: 'templates/linked.json',
      outcome: 'skipped',
      make: async (ctx) => link(path.join(ctx.outside, 'config', 'settings.json'), at(ctx, 'templates/linked.json')),
    },
    {
      name: 'template fifo',
      path: 'templates/piped.json',
      outcome: 'skipped',
      make: async (ctx) => fifo(at(ctx, 'templates/piped.json')),
    },
    {
      name: 'trash link',
      path: '.trash/trash-link.json',
      outcome: 'skipped',
      make: async (ctx) => link(path.join(ctx.outside, 'private-study.json'), at(ctx, '.trash/trash-link.json')),
    },
    {
      name: 'trash fifo',
      path: '.trash/trash-fifo.json',
      outcome: 'skipped',
      make: async (ctx) => fifo(at(ctx, '.trash/trash-fifo.json')),
    },
    {
      name: 'asset link',
      path: `assets/${LINKED_ASSET}`,
      outcome: 'skipped',
      make: async (ctx) => link(path.join(ctx.outside, 'private.png'), at(ctx, `assets/${LINKED_ASSET}`)),
    },
    {
      name: 'quarantine reason fifo',
      path: '.quarantine/planted.json.reason.json',
      outcome: 'ignored',
      make: async (ctx) => fifo(at(ctx, '.quarantine/planted.json.reason.json')),
    },
    {
      name: 'summary cache fifo',
      path: '.casebook/summaries.json',
      outcome: 'ignored',
      make: async (ctx) => fifo(at(ctx, '.casebook/summaries.json')),
    },
  ];
  return cases;
}

/** A study in studies/ that uses the linked asset: an export must not carry the private bytes. */
export async function studyUsingLinkedAsset(ctx: HostileContext): Promise<void> {
  const doc = {
    type: 'doc' as const,
    content: [{ type: 'image', attrs: { src: `assets/${LINKED_ASSET}`, alt: 'linked' } }],
  };
  await write(
    at(ctx, 'studies/uses-linked-asset.json'),
    studyJson(20, { id: 'uses-linked-asset', title: 'Uses linked asset', status: 'published', problem: doc }),
  );
}

/** Workspace folders (and casebook.json) that are links or the wrong kind: each refuses the workspace. */
export function workspaceCases(): HostileCase[] {
  const folderLink = (name: string): HostileCase => ({
    name: `${name} is a link`,
    path: name,
    outcome: 'refused',
    make: async (ctx) => link(path.join(ctx.outside, 'config'), at(ctx, name)),
  });
  return [
    ...['studies', '.trash', '.quarantine', 'templates', 'assets', '.casebook'].map(folderLink),
    {
      name: 'casebook.json is a link',
      path: 'casebook.json',
      outcome: 'refused',
      make: async (ctx) => link(path.join(ctx.outside, 'config', 'settings.json'), at(ctx, 'casebook.json')),
    },
    {
      name: 'casebook.json is a FIFO',
      path: 'casebook.json',
      outcome: 'refused',
      make: async (ctx) => fifo(at(ctx, 'casebook.json')),
    },
    {
      name: 'studies is a file',
      path: 'studies',
      outcome: 'refused',
      make: async (ctx) => write(at(ctx, 'studies'), 'not a folder'),
    },
  ];
}

/** Leftovers of a crashed writer of this and the previous version: all cleaned at open. */
export function crashLeftovers(deadPid: number): HostileCase[] {
  const old = new Date(Date.now() - 10 * 60_000);
  const leftover = (rel: string, body: string): HostileCase => ({
    name: `leftover ${rel}`,
    path: rel,
    outcome: 'ignored',
    make: async (ctx) => {
      await write(at(ctx, rel), body);
      await fsp.utimes(at(ctx, rel), old, old);
    },
  });
  const lock = JSON.stringify({ pid: deadPid, host: hostname(), at: old.getTime() });
  return [
    leftover('.casebook-tmp-casebook.json-0a1b2c', '{}'),
    leftover('.casebook-tmp-casebook.json-0a1b2c3d4e5f.tmp', '{}'),
    leftover('.casebook-lock-casebook.json', lock),
    leftover('.casebook-lock-casebook.json.lock', lock),
    leftover('studies/.casebook-lock-healthy-one.json', lock),
    leftover('studies/.casebook-lock-healthy-one.json.lock', lock),
    leftover('studies/.casebook-tmp-healthy-one.json-00aa11', '{'),
    leftover('.trash/.casebook-tmp-x.json-00aa11.tmp', '{'),
    leftover('.casebook/.casebook-tmp-summaries.json-00aa11', '{'),
    leftover('templates/.casebook-tmp-decision.json-00aa11.tmp', '{'),
    leftover('assets/.casebook-tmp-x.png-00aa11.tmp', 'x'),
  ];
}

/** Builds `cases` in a workspace (created if needed) next to the sentinel. */
export async function buildHostileRepository(ctx: HostileContext, cases: HostileCase[]): Promise<void> {
  await fsp.mkdir(ctx.workspace, { recursive: true });
  await makeSentinel(ctx.outside);
  for (const c of cases) await c.make(ctx);
}

export interface EntrySnapshot {
  kind: string;
  size: number;
  mtimeMs: number;
  /** sha256 of a regular file's bytes (up to 1 MB; sparse giants are not hashed), a link's target. */
  content: string;
}

/**
 * Every entry under `dir` (links not followed): kind, size, mtime and content. Equal
 * snapshots before and after mean nothing there was moved, written or deleted.
 */
export async function snapshotFolder(dir: string): Promise<Map<string, EntrySnapshot>> {
  const out = new Map<string, EntrySnapshot>();
  async function walk(rel: string): Promise<void> {
    for (const name of await fsp.readdir(path.join(dir, rel))) {
      const sub = path.join(rel, name);
      const full = path.join(dir, sub);
      const stat = await fsp.lstat(full);
      let kind = 'other';
      let content = '';
      if (stat.isSymbolicLink()) {
        kind = 'link';
        content = await fsp.readlink(full);
      } else if (stat.isDirectory()) kind = 'folder';
      else if (stat.isFIFO()) kind = 'fifo';
      else if (stat.isFile()) {
        kind = 'file';
        if (stat.size <= 1024 * 1024)
          content = createHash('sha256')
            .update(await fsp.readFile(full))
            .digest('hex');
      }
      out.set(sub, { kind, size: stat.size, mtimeMs: stat.mtimeMs, content });
      if (kind === 'folder') await walk(sub);
    }
  }
  await walk('');
  return out;
}
