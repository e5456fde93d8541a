// A study's history through the contract: versions newest first with author and message, the
// study at a version (nothing written), restore as a new change — a deleted study too.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { hasErrorCode } from '../../../src/core/pure/errors';
import { makeRepoWorkspace, makeRoot } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('study history', () => {
  it('lists versions newest first, shows one without writing, and restores it as a new change', async () => {
    const { service, ids } = await makeRepoWorkspace(path.join(root, 'ws'), 'Ann', ['First title']);
    const id = ids[0]!;
    await service.updateStudy({ id, patch: { title: 'Second title', summary: 'two' } });
    await service.syncWorkspace({});
    await service.updateStudy({ id, patch: { title: 'Third title' } });
    await service.syncWorkspace({ message: 'A message of my own' });
    const history = await service.studyHistory({ id });
    expect(history.map((v) => v.message)).toEqual([
      'A message of my own',
      "Edit 'Second title'",
      'Start the workspace',
    ]);
    expect(history[0]).toMatchObject({ author: 'Ann', short: history[0]!.commit.slice(0, 7) });
    expect(Date.parse(history[0]!.date)).not.toBeNaN();

    const old = await service.studyAtVersion({ id, commit: history[1]!.short });
    expect(old).toMatchObject({ title: 'Second title', summary: 'two' });
    expect((await service.getStudy({ id })).title).toBe('Third title');
    expect((await service.gitStatus({})).changed).toBe(0);

    const restored = await service.restoreStudyVersion({ id, commit: history[2]!.commit });
    expect(restored).toMatchObject({ title: 'First title', summary: '' });
    await service.syncWorkspace({});
    const after = await service.studyHistory({ id });
    expect(after).toHaveLength(4);
    expect(after.slice(1)).toEqual(history);
  });

  it('brings back a study deleted since, and says plainly when a version or study is unknown', async () => {
    const { service, ids } = await makeRepoWorkspace(path.join(root, 'ws'), 'Ann', ['Gone soon', 'Stays']);
    await service.deleteStudy({ id: ids[0]! });
    await service.syncWorkspace({});
    const versions = await service.studyHistory({ id: ids[0]! });
    expect(versions.map((v) => v.message)).toEqual(["Delete 'Gone soon'", 'Start the workspace']);
    const back = await service.restoreStudyVersion({ id: ids[0]!, commit: versions[1]!.commit });
    expect(back.title).toBe('Gone soon');
    expect((await service.listStudies({})).map((s) => s.title).sort()).toEqual(['Gone soon', 'Stays']);

    const unknown = await service.studyAtVersion({ id: ids[1]!, commit: 'abcdef1' }).catch((e: unknown) => e);
    expect(hasErrorCode(unknown, 'not_found')).toBe(true);
    const before = await service
      .studyAtVersion({ id: 'never-was', commit: versions[1]!.commit })
      .catch((e: unknown) => e);
    expect((before as Error).message).toMatch(/did not exist at version/);
  });

  it('answers repository: false for a plain workspace, and asks to run init --git for the rest', async () => {
    const plain = await openWorkspace(path.join(root, 'plain'));
    expect(await plain.gitStatus({})).toMatchObject({ repository: false, changed: 0 });
    const err = await plain.syncWorkspace({}).catch((e: unknown) => e);
    expect(hasErrorCode(err, 'not_configured')).toBe(true);
    expect((err as Error).message).toMatch(/casebook init --git/);
  });
});
