// `casebook merge-driver` under a plain `git pull` between two clones of a bare repository on
// disk: edits to different fields and blocks merge cleanly; the same paragraph edited on both
// sides finishes the pull as `casebook sync` does — the file is a valid study holding both texts
// (ours in place, theirs in its conflict list), with no conflict markers; the site title changed
// on both sides does the same in casebook.json.
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Study } from '../../src/core/pure/schemas/study';
import { cliBundle } from '../helpers/cli-bundle';
import { withTempDir } from '../helpers/temp-dir';
import { baseStudy, doc, fileOf, para, parseStudy, texts } from '../core/merge/merge-fixtures';

const run = promisify(execFile);

async function hasGit(): Promise<boolean> {
  try {
    await run('git', ['--version']);
    return true;
  } catch {
    return false;
  }
}
const gitPresent = await hasGit();
if (!gitPresent) console.warn('merge-driver-git.test.ts skipped: no system git on this machine.');

/** git in `cwd`, with no user or system config but ours; returns the exit code and output. */
async function git(cwd: string, args: string[], home: string) {
  try {
    const { stdout, stderr } = await run('git', args, {
      cwd,
      env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function ok(cwd: string, args: string[], home: string): Promise<string> {
  const result = await git(cwd, args, home);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.out}`);
  return result.out;
}

const FILE = 'studies/merge-me.json';

/** A bare remote and two clones with the merge driver registered, holding the base study. */
async function twoClones(dir: string) {
  const home = path.join(dir, 'home');
  await mkdir(home);
  const remote = path.join(dir, 'remote.git');
  await ok(dir, ['init', '--bare', '-b', 'main', remote], home);
  const driver = `"${process.execPath}" "${await cliBundle()}" merge-driver %O %A %B %P`;
  const clone = async (name: string) => {
    const at = path.join(dir, name);
    await ok(dir, ['clone', remote, at], home);
    await ok(at, ['config', 'user.name', name], home);
    await ok(at, ['config', 'user.email', `${name}@example.com`], home);
    await ok(at, ['config', 'merge.casebook.driver', driver], home);
    await ok(at, ['config', 'pull.rebase', 'false'], home);
    return at;
  };
  const a = await clone('ann');
  await mkdir(path.join(a, 'studies'));
  await writeFile(
    path.join(a, '.gitattributes'),
    'studies/*.json merge=casebook\ncasebook.json merge=casebook\ntemplates/*.json merge=casebook\n',
  );
  await writeFile(path.join(a, FILE), fileOf(baseStudy()));
  await ok(a, ['add', '-A'], home);
  await ok(a, ['commit', '-m', 'Add the study'], home);
  await ok(a, ['push', '-u', 'origin', 'main'], home);
  const b = await clone('bob');
  const edit = async (at: string, change: (study: Study) => Study, message: string) => {
    const study = parseStudy(await readFile(path.join(at, FILE), 'utf8'));
    await writeFile(path.join(at, FILE), fileOf(change(study)));
    await ok(at, ['commit', '-am', message], home);
  };
  return { a, b, home, edit };
}

describe.skipIf(!gitPresent)('the merge driver under plain git pull', () => {
  it('merges edits to different fields and to different paragraphs of one section', async () => {
    await withTempDir(async (dir) => {
      const { a, b, home, edit } = await twoClones(dir);
      await edit(
        a,
        (s) => ({
          ...s,
          title: 'Ann’s title',
          problem: doc(para('a', 'Alpha by Ann'), para('b', 'Bravo'), para('c', 'Charlie'), para('d', 'Delta')),
        }),
        'Ann edits',
      );
      await ok(a, ['push'], home);
      await edit(
        b,
        (s) => ({
          ...s,
          tags: [...s.tags, 'bob'],
          problem: doc(para('a', 'Alpha'), para('b', 'Bravo'), para('c', 'Charlie by Bob'), para('d', 'Delta')),
        }),
        'Bob edits',
      );
      const pull = await git(b, ['pull'], home);
      expect(pull.code, pull.out).toBe(0);
      const merged = parseStudy(await readFile(path.join(b, FILE), 'utf8'));
      expect(merged.title).toBe('Ann’s title');
      expect(merged.tags).toContain('bob');
      expect(texts(merged.problem)).toEqual(['Alpha by Ann', 'Bravo', 'Charlie by Bob', 'Delta']);
      expect(merged.conflicts).toEqual([]);
      expect(await ok(b, ['status', '--porcelain'], home)).toBe('');
    });
  });

  it('keeps both texts of one paragraph edited on both sides: the pull finishes as sync would, naming the conflict', async () => {
    await withTempDir(async (dir) => {
      const { a, b, home, edit } = await twoClones(dir);
      await edit(
        a,
        (s) => ({
          ...s,
          problem: doc(para('a', 'Alpha'), para('b', 'Bravo by Ann'), para('c', 'Charlie'), para('d', 'Delta')),
        }),
        'Ann edits B',
      );
      await ok(a, ['push'], home);
      await edit(
        b,
        (s) => ({
          ...s,
          problem: doc(para('a', 'Alpha'), para('b', 'Bravo by Bob'), para('c', 'Charlie'), para('d', 'Delta')),
        }),
        'Bob edits B',
      );
      const pull = await git(b, ['pull'], home);
      // The same result as casebook sync: the merge is committed, the study holds both versions.
      expect(pull.code, pull.out).toBe(0);
      expect(pull.out).toContain('kept 1 conflict for you to resolve in Casebook');
      expect(await ok(b, ['status', '--porcelain'], home)).toBe('');
      const text = await readFile(path.join(b, FILE), 'utf8');
      expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
      const study = parseStudy(text);
      expect(texts(study.problem)).toEqual(['Alpha', 'Bravo by Bob', 'Charlie', 'Delta']);
      expect(study.conflicts).toHaveLength(1);
      expect(study.conflicts[0]!.theirs).toMatchObject({ content: [{ text: 'Bravo by Ann' }] });
      // Kept as it is (the author resolves later in Casebook): it travels like any file.
      await ok(b, ['push'], home);
      await ok(a, ['pull'], home);
      expect(parseStudy(await readFile(path.join(a, FILE), 'utf8')).conflictCount).toBe(1);
    });
  });

  it('records the site title changed differently on both sides: the pull finishes, the file holds both titles', async () => {
    await withTempDir(async (dir) => {
      const { a, b, home } = await twoClones(dir);
      const { openWorkspace } = await import('../../src/core/node/casebook-service');
      const made = await openWorkspace(path.join(dir, 'made'));
      const site = await readFile(path.join(made.workspace, 'casebook.json'), 'utf8');
      await writeFile(path.join(a, 'casebook.json'), site);
      await ok(a, ['add', '-A'], home);
      await ok(a, ['commit', '-m', 'Site settings'], home);
      await ok(a, ['push'], home);
      await ok(b, ['pull'], home);
      const titled = (title: string) => {
        const json = JSON.parse(site) as { site: { title: string } };
        json.site.title = title;
        return `${JSON.stringify(json, null, 2)}\n`;
      };
      await writeFile(path.join(a, 'casebook.json'), titled('Ann’s blog'));
      await ok(a, ['commit', '-am', 'Ann names the site'], home);
      await ok(a, ['push'], home);
      await writeFile(path.join(b, 'casebook.json'), titled('Bob’s blog'));
      await ok(b, ['commit', '-am', 'Bob names the site'], home);
      const pull = await git(b, ['pull'], home);
      // As for a study: the merge is committed, the file keeps ours and records theirs.
      expect(pull.code, pull.out).toBe(0);
      expect(pull.out).toContain('casebook.json: kept 1 conflict for you to resolve in Casebook');
      expect(await ok(b, ['status', '--porcelain'], home)).toBe('');
      const text = await readFile(path.join(b, 'casebook.json'), 'utf8');
      expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
      const merged = JSON.parse(text) as { site: { title: string }; conflicts: Array<Record<string, unknown>> };
      expect(merged.site.title).toBe('Bob’s blog');
      expect(merged.conflicts).toHaveLength(1);
      expect(merged.conflicts[0]).toMatchObject({
        where: { kind: 'field', field: 'title' },
        mine: 'Bob’s blog',
        theirs: 'Ann’s blog',
      });
      // Casebook opens it and offers the choice.
      const opened = await openWorkspace(b);
      expect((await opened.settingsConflicts({})).site.conflicts).toHaveLength(1);
    });
  });
});
