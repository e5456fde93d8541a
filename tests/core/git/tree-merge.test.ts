// The three-way tree merge a sync runs, file by file, on blobs of a real repository: which side
// each file keeps, what counts as received (written to disk), and which conflicts are reported.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitFs } from '../../../src/core/node/git/git-fs';
import type { FileEntry, FlatTree } from '../../../src/core/node/git/git-tree';
import { mergeTrees } from '../../../src/core/node/git/tree-merge';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { siteFile } from '../../helpers/settings-files';

let gitdir: string;
beforeEach(async () => {
  gitdir = await mkdtemp(path.join(tmpdir(), 'casebook-tree-merge-'));
  await git.init({ fs: gitFs, gitdir, bare: true, defaultBranch: 'main' });
});
afterEach(async () => rm(gitdir, { recursive: true, force: true }));

const blob = async (text: string | Buffer, mode = '100644'): Promise<FileEntry> => ({
  oid: await git.writeBlob({ fs: gitFs, gitdir, blob: typeof text === 'string' ? Buffer.from(text, 'utf8') : text }),
  mode,
});
/** Bytes that are not UTF-8 (an image, a link's raw target): never to be decoded and re-encoded. */
const binary = (n: number) => Buffer.from([0x89, 0xff, 0xfe, 0x00, 0x80, n]);
const tree = (entries: Record<string, FileEntry>): FlatTree => new Map(Object.entries(entries));
const merge = (base: FlatTree, ours: FlatTree, theirs: FlatTree) =>
  mergeTrees(gitdir, base, ours, theirs, mergeWorkspaceFile);
const textOf = async (e: FileEntry | undefined) =>
  Buffer.from((await git.readBlob({ fs: gitFs, gitdir, oid: e!.oid })).blob).toString('utf8');

describe('merging two commits’ trees', () => {
  it('takes the side that changed, and counts as received only what differs from ours', async () => {
    const [a, b, c] = [await blob('a'), await blob('b'), await blob('c')];
    const result = await merge(
      tree({ 'same.txt': a, 'theirs.txt': a, 'ours.txt': a, 'gone-there.txt': a, 'gone-here.txt': a, 'gone.txt': a }),
      tree({ 'same.txt': b, 'theirs.txt': a, 'ours.txt': c, 'gone-there.txt': a, 'new-here.txt': c }),
      tree({ 'same.txt': b, 'theirs.txt': b, 'ours.txt': a, 'gone-here.txt': a, 'new-there.txt': b }),
    );
    expect(Object.fromEntries(result.tree)).toEqual({
      'same.txt': b,
      'theirs.txt': b,
      'ours.txt': c,
      'new-here.txt': c,
      'new-there.txt': b,
    });
    // Deleted on both sides: no entry at all.
    expect([...result.tree.keys()]).toEqual(['new-here.txt', 'new-there.txt', 'ours.txt', 'same.txt', 'theirs.txt']);
    // Sorted, and only what must change on disk here (a file gone there is removed here).
    expect(result.received).toEqual(['gone-there.txt', 'new-there.txt', 'theirs.txt']);
    expect(result.conflicts).toEqual([]);
    expect(result.editsKept).toEqual([]);
  });

  it('keeps the mode the side that changed it gave, when both hold the same bytes', async () => {
    const [plain, exec] = [await blob('#!/bin/sh\n'), await blob('#!/bin/sh\n', '100755')];
    const other = await blob('echo\n');
    // Theirs made it executable while ours changed the bytes back to the same content.
    const theirsChanged = await merge(tree({ 'run.sh': other }), tree({ 'run.sh': plain }), tree({ 'run.sh': exec }));
    expect(theirsChanged.tree.get('run.sh')).toEqual(exec);
    const oursChanged = await merge(tree({ 'run.sh': other }), tree({ 'run.sh': exec }), tree({ 'run.sh': plain }));
    expect(oursChanged.tree.get('run.sh')).toEqual(exec);
    expect(oursChanged.received).toEqual([]);
    expect(oursChanged.conflicts).toEqual([]);
    // Both added the same bytes with no base: ours' mode stays.
    const bothAdded = await merge(tree({}), tree({ 'run.sh': exec }), tree({ 'run.sh': plain }));
    expect(bothAdded.tree.get('run.sh')).toEqual(exec);
  });

  it('keeps an edit against a deletion, whichever side deleted, and says so', async () => {
    const [a, b] = [await blob('a'), await blob('b')];
    const deletedHere = await merge(tree({ 'assets/x.txt': a }), tree({}), tree({ 'assets/x.txt': b }));
    expect(deletedHere.tree.get('assets/x.txt')).toEqual(b);
    expect(deletedHere.received).toEqual(['assets/x.txt']);
    expect(deletedHere.editsKept).toEqual(['assets/x.txt']);
    expect(deletedHere.conflicts).toEqual([]);
    const deletedThere = await merge(tree({ 'assets/x.txt': a }), tree({ 'assets/x.txt': b }), tree({}));
    expect(deletedThere.tree.get('assets/x.txt')).toEqual(b);
    expect(deletedThere.received).toEqual([]);
    expect(deletedThere.editsKept).toEqual(['assets/x.txt']);
    expect(deletedThere.conflicts).toEqual([]);
  });

  it('keeps ours of a file that does not merge by meaning, and of a link, as an unrecorded conflict', async () => {
    const [a, b, c] = [await blob(binary(1)), await blob(binary(2)), await blob(binary(3))];
    const [la, lb, lc] = [
      await blob(binary(4), '120000'),
      await blob(binary(5), '120000'),
      await blob(binary(6), '120000'),
    ];
    const result = await merge(
      tree({ 'assets/photo.png': a, 'casebook.json': la }),
      tree({ 'assets/photo.png': b, 'casebook.json': lb }),
      tree({ 'assets/photo.png': c, 'casebook.json': lc }),
    );
    expect(result.tree.get('assets/photo.png')).toEqual(b);
    expect(result.tree.get('casebook.json')).toEqual(lb);
    expect(result.received).toEqual([]);
    expect(result.conflicts).toEqual([
      { path: 'assets/photo.png', count: 1, recorded: false },
      { path: 'casebook.json', count: 1, recorded: false },
    ]);
    expect(result.editsKept).toEqual([]);
    // A link on one side only is not merged as text either.
    const oneLink = await merge(
      tree({ 'casebook.json': a }),
      tree({ 'casebook.json': b }),
      tree({ 'casebook.json': lc }),
    );
    expect(oneLink.tree.get('casebook.json')).toEqual(b);
    expect(oneLink.conflicts).toEqual([{ path: 'casebook.json', count: 1, recorded: false }]);
  });

  it('merges site settings by meaning, keeping ours’ mode and recording what both changed', async () => {
    const base = await blob(siteFile({}));
    const ours = await blob(siteFile({ title: 'Ours', tagline: 'Our tagline' }), '100755');
    const theirs = await blob(siteFile({ title: 'Theirs', language: 'de' }));
    const result = await merge(
      tree({ 'casebook.json': base }),
      tree({ 'casebook.json': ours }),
      tree({ 'casebook.json': theirs }),
    );
    const merged = result.tree.get('casebook.json')!;
    expect(merged.mode).toBe('100755');
    const site = JSON.parse(await textOf(merged)).site;
    expect(site).toMatchObject({ title: 'Ours', tagline: 'Our tagline', language: 'de' });
    expect(result.received).toEqual(['casebook.json']);
    expect(result.conflicts).toEqual([{ path: 'casebook.json', count: 1, recorded: true }]);
    expect(result.editsKept).toEqual([]);
  });

  it('reports no conflict for a file both changed that merged cleanly', async () => {
    const base = await blob(siteFile({}));
    const ours = await blob(siteFile({ tagline: 'Ours' }));
    const theirs = await blob(siteFile({ language: 'de' }));
    const result = await merge(
      tree({ 'casebook.json': base }),
      tree({ 'casebook.json': ours }),
      tree({ 'casebook.json': theirs }),
    );
    const site = JSON.parse(await textOf(result.tree.get('casebook.json'))).site;
    expect(site).toMatchObject({ tagline: 'Ours', language: 'de' });
    expect(result.conflicts).toEqual([]);
  });

  it('merges a file both added with no base: every difference is a recorded conflict, ours kept', async () => {
    const ours = await blob(siteFile({ tagline: 'Ours' }));
    const theirs = await blob(siteFile({ language: 'de' }));
    const result = await merge(tree({}), tree({ 'casebook.json': ours }), tree({ 'casebook.json': theirs }));
    const site = JSON.parse(await textOf(result.tree.get('casebook.json'))).site;
    expect(site).toMatchObject({ tagline: 'Ours', language: 'en' });
    expect(result.conflicts).toEqual([{ path: 'casebook.json', count: 2, recorded: true }]);
    expect(result.editsKept).toEqual([]);
  });
});
