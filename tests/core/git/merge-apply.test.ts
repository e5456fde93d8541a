// Applying a merge to the working folder is a compare-and-swap per file: a study saved after
// the sync committed is merged again with what came in, never overwritten; and a merge that a
// killed sync left half-applied (its journal in .git) is finished by the next sync.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitFs } from '../../../src/core/node/git/git-fs';
import { applyMerge } from '../../../src/core/node/git/merge-apply';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { makeRepoWorkspace, makeRoot } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

/** A repository at commit `before` whose branch must move to `after` (title changed there). */
async function pendingMerge() {
  const { service, ids } = await makeRepoWorkspace(path.join(root, 'ws'), 'Ann', ['Original title']);
  const id = ids[0]!;
  const dir = service.workspace;
  const file = path.join(dir, 'studies', `${id}.json`);
  const before = await git.resolveRef({ fs: gitFs, dir, ref: 'HEAD' });
  const beforeBytes = await readFile(file);
  await service.updateStudy({ id, patch: { title: 'Title that came in' } });
  await service.syncWorkspace({});
  const after = await git.resolveRef({ fs: gitFs, dir, ref: 'HEAD' });
  // Back to `before`, as the working folder was when the merge was computed.
  await git.writeRef({ fs: gitFs, dir, ref: 'refs/heads/main', value: before, force: true });
  await writeFile(file, beforeBytes);
  return { service, id, dir, file, before, after };
}

describe('applying a merge', () => {
  it('merges a save made after the commit with what came in', async () => {
    const { service, id, dir, before, after } = await pendingMerge();
    await service.updateStudy({ id, patch: { summary: 'Saved while the sync ran' } });
    const applied = await applyMerge(
      dir,
      path.join(dir, '.git'),
      { branch: 'main', ours: before, merged: after },
      mergeWorkspaceFile,
    );
    expect(applied.remerged).toEqual([`studies/${id}.json`]);
    expect(applied.conflicts).toEqual([]);
    const study = await service.getStudy({ id });
    expect(study).toMatchObject({ title: 'Title that came in', summary: 'Saved while the sync ran' });
    expect(await git.resolveRef({ fs: gitFs, dir, ref: 'HEAD' })).toBe(after);
    // The save is still to be committed: the next sync sends it.
    expect((await service.gitStatus({})).changed).toBe(1);
  });

  it('replaces a file untouched since the commit with the merged bytes exactly', async () => {
    const { service, dir, file, before, after } = await pendingMerge();
    const applied = await applyMerge(
      dir,
      path.join(dir, '.git'),
      { branch: 'main', ours: before, merged: after },
      mergeWorkspaceFile,
    );
    expect(applied.remerged).toEqual([]);
    const { blob } = await git.readBlob({ fs: gitFs, dir, oid: after, filepath: path.relative(dir, file) });
    expect(await readFile(file)).toEqual(Buffer.from(blob));
    expect((await service.gitStatus({})).changed).toBe(0);
  });

  it('finishes a merge a killed sync left half-applied', async () => {
    const { service, id, dir, before, after } = await pendingMerge();
    await writeFile(
      path.join(dir, '.git', 'casebook-merge.json'),
      JSON.stringify({ branch: 'main', ours: before, merged: after }),
    );
    await service.syncWorkspace({});
    expect((await service.getStudy({ id })).title).toBe('Title that came in');
    expect(await git.resolveRef({ fs: gitFs, dir, ref: 'HEAD' })).toBe(after);
    expect((await service.gitStatus({})).changed).toBe(0);
  });
});
