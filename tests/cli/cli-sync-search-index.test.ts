// What `casebook sync` leaves of the app's search index: the studies it takes in are indexed on
// the side, and the command's end writes the summary cache alone, never that partial index over
// the app's full one (which the next app open would then have to rebuild from every file).
import { readdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSearchIndex } from '../../src/core/node/search-index-file';
import { cloneAs, makeRepoWorkspace, makeRoot } from '../core/git/git-fixtures';
import { anHourAgo, sampleStudy, writeStudy } from '../helpers/study-files';
import { casebook } from './cli-git-helpers';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

async function writeStudies(ws: string, from: number, count: number): Promise<void> {
  for (let n = from; n < from + count; n++) await writeStudy(ws, sampleStudy(n));
}

describe('casebook sync and the search index', () => {
  it('leaves the app’s index whole when it takes in more than a hundred studies', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', []);
    await writeStudies(ann.workspace, 0, 150);
    await ann.syncWorkspace({ remote, message: 'Add 150 studies' });
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    // Files there a while (the index leaves out ones just written), indexed in full as the app does before it quits.
    const studiesDir = path.join(bob.workspace, 'studies');
    for (const name of await readdir(studiesDir)) await utimes(path.join(studiesDir, name), anHourAgo(), anHourAgo());
    bob.warmUp();
    await bob.checkCounts({});
    await bob.close();
    expect((await readSearchIndex(bob.workspace))?.studies.size).toBe(150);

    await writeStudies(ann.workspace, 150, 120);
    await ann.syncWorkspace({ message: 'Add 120 more' });
    const synced = await casebook(['sync', '-w', bob.workspace]);
    expect(synced.code, synced.stderr).toBe(0);
    expect(await readdir(studiesDir)).toHaveLength(270);
    expect((await readSearchIndex(bob.workspace))?.studies.size).toBe(150);
  }, 120_000);
});
