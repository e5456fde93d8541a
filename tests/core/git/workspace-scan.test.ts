// Which files of a workspace belong in its repository, on a real folder: the workspace's own
// files, not the repository, Casebook's local folders, temp and lock files, links, or what the
// .gitignore excludes; and data files never become executable whatever a commit says.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitFs } from '../../../src/core/node/git/git-fs';
import { inScope, isTransientName, plainFileMode, scanWorkspace } from '../../../src/core/node/git/workspace-scan';
import { makeRoot } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

async function put(ws: string, p: string, text = 'x'): Promise<void> {
  await mkdir(path.dirname(path.join(ws, p)), { recursive: true });
  await writeFile(path.join(ws, p), text);
}

describe('the files a workspace commits', () => {
  it('are its own files and folders, less what stays local, is transient, a link or ignored', async () => {
    const ws = path.join(root, 'ws');
    await git.init({ fs: gitFs, dir: ws, defaultBranch: 'main' });
    const kept = [
      'casebook.json',
      '.gitignore',
      'studies/a.json',
      'studies/ignored-name.json',
      'templates/t.json',
      'assets/img/deep/x.png',
      'notes/keep.md',
      'notes/sub/also.md',
    ];
    for (const p of kept) await put(ws, p);
    await writeFile(path.join(ws, '.gitignore'), 'ignored-name.json\n*.log\nbuild/\n');
    for (const p of [
      '.casebook/cache.json',
      '.trash/old.json',
      '.quarantine/bad.json',
      'node_modules/x/index.js',
      'studies/.casebook-tmp-a.json-1.tmp',
      'assets/.casebook-lock-x',
      'notes/debug.log',
      'notes/sub/more.log',
      'build/out.html',
    ])
      await put(ws, p);
    await symlink(path.join(root), path.join(ws, 'assets', 'link'));
    const scanned = await scanWorkspace(ws);
    // The workspace's own folders are never asked about the .gitignore: a study stays a study.
    expect(scanned.map((f) => f.path).sort()).toEqual([...kept].sort());
    const study = scanned.find((f) => f.path === 'studies/a.json')!;
    expect(study.stats.isFile()).toBe(true);
    expect(study.stats.size).toBe(1n);
  });

  it('of a folder that is not there are none; a workspace that is a file is an error', async () => {
    expect(await scanWorkspace(path.join(root, 'missing'))).toEqual([]);
    await writeFile(path.join(root, 'file'), 'x');
    await expect(scanWorkspace(path.join(root, 'file'))).rejects.toThrow(/ENOTDIR/);
  });

  it('are named by the same rules a commit coming in is checked against', () => {
    expect(inScope('studies/a.json')).toBe(true);
    expect(inScope('.git/config')).toBe(false);
    expect(inScope('.trash/a.json')).toBe(false);
    expect(inScope('assets/.git/x')).toBe(true);
    expect(inScope('assets/.casebook-tmp-x/y')).toBe(false);
    expect(isTransientName('.casebook-lock-studies')).toBe(true);
    expect(isTransientName('a.casebook-tmp-')).toBe(false);
  });

  it('keep studies, templates and casebook.json plain data, whatever mode a commit gives', () => {
    for (const p of ['casebook.json', 'studies/a.json', 'templates/t.json'])
      expect(plainFileMode(p, '100755'), p).toBe('100644');
    for (const p of ['assets/run.sh', 'studies/sub/a.json', 'xstudies/a.json', 'studies/a.json.sh', 'casebook.jsonx'])
      expect(plainFileMode(p, '100755'), p).toBe('100755');
    expect(plainFileMode('studies/a.json', '120000')).toBe('120000');
    expect(plainFileMode('studies/a.json', undefined)).toBeUndefined();
  });
});
