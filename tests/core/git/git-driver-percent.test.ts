// A '%' in the path of the merge driver's command (a user or folder name): git expands %A, %O,
// %P… anywhere in merge.casebook.driver, so the command part is written with %% and git still
// runs the program at that path. Checked with system git merging a study both sides changed.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initRepository } from '../../../src/core/node/git/git-setup';
import { shellQuote } from '../../../src/core/pure/shell-quote';
import { hasSystemGit, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe.skipIf(!hasSystemGit || process.platform === 'win32')('the merge driver command', () => {
  it('runs from a folder whose name holds %A, %P and %%', async () => {
    // A stand-in driver: called as `<driver> merge-driver %O %A %B %P`, it takes theirs and says so.
    const tools = path.join(root, 'tools %A 100%P %%');
    await mkdir(tools);
    const driver = path.join(tools, 'driver.sh');
    await writeFile(driver, '#!/bin/sh\ncp "$4" "$3"\necho "$5" > "$(dirname "$0")/ran"\n');
    await chmod(driver, 0o755);
    const ws = path.join(root, 'ws');
    await mkdir(path.join(ws, 'studies'), { recursive: true });
    await initRepository(ws, shellQuote(driver));
    await writeFile(path.join(ws, 'studies', 'a.json'), '{"v":"base"}\n');
    sysGit(ws, 'add', '-A');
    sysGit(ws, 'commit', '-qm', 'base');
    sysGit(ws, 'checkout', '-qb', 'theirs');
    await writeFile(path.join(ws, 'studies', 'a.json'), '{"v":"theirs"}\n');
    sysGit(ws, 'commit', '-qam', 'theirs');
    sysGit(ws, 'checkout', '-q', 'main');
    await writeFile(path.join(ws, 'studies', 'a.json'), '{"v":"ours"}\n');
    sysGit(ws, 'commit', '-qam', 'ours');

    sysGit(ws, 'merge', '-q', '--no-edit', 'theirs');
    expect(await readFile(path.join(tools, 'ran'), 'utf8')).toBe('studies/a.json\n');
    expect(await readFile(path.join(ws, 'studies', 'a.json'), 'utf8')).toBe('{"v":"theirs"}\n');
  });
});
