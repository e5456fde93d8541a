// `casebook resolve --settings`: the site settings' conflicts listed with their ids and resolved
// from the CLI, so `casebook check --strict` can pass without the app.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeWorkspaceFile } from '../../src/core/pure/merge/workspace-file-merge';
import { serializeJson } from '../../src/core/pure/json-text';
import { defaultSiteSettings, workspaceFileSchema } from '../../src/core/pure/schemas/site';
import { withTempDir } from '../helpers/temp-dir';
import { casebook } from './cli-git-helpers';

const siteFile = (title: string) =>
  serializeJson(workspaceFileSchema, { schemaVersion: 1, site: { ...defaultSiteSettings(), title } });

describe('casebook resolve --settings', () => {
  it('lists the site’s conflicts with ids, takes theirs, and check --strict then passes', async () => {
    await withTempDir(async (ws) => {
      expect((await casebook(['init', '--workspace', ws])).code).toBe(0);
      const merged = mergeWorkspaceFile('casebook.json', siteFile('Casebook'), siteFile('Ann'), siteFile('Bob'), {
        theirsAuthor: 'Bob <b@x>',
      });
      await writeFile(path.join(ws, 'casebook.json'), merged.text);
      expect((await casebook(['check', '--strict', '--workspace', ws])).code).toBe(1);

      const listed = await casebook(['resolve', '--settings', '--workspace', ws]);
      expect(listed.code).toBe(0);
      const line = listed.stdout.split('\n').find((l) => l.includes('Title: mine Ann'))!;
      expect(line).toMatch(/^\S+ {2}Title: mine Ann \| theirs \(Bob <b@x>\) Bob$/);
      const id = line.split(' ')[0]!;

      expect((await casebook(['resolve', '--settings', id, '--keep', 'sideways', '--workspace', ws])).code).toBe(2);
      const done = await casebook(['resolve', '--settings', id, '--keep', 'theirs', '--workspace', ws]);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toMatch(/Resolved\. Site settings: 0 conflicts left\./);
      const file = JSON.parse(await readFile(path.join(ws, 'casebook.json'), 'utf8')) as { site: { title: string } };
      expect(file.site.title).toBe('Bob');
      expect(file).not.toHaveProperty('conflicts');
      expect((await casebook(['check', '--strict', '--workspace', ws])).code).toBe(0);
      // Gone now: said plainly, nothing changed.
      const again = await casebook(['resolve', '--settings', id, '--keep', 'mine', '--workspace', ws]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/no longer in the site settings/);
    });
    // Seven CLI runs, each a fresh process, after the bundle is built: as the other CLI tests.
  }, 90_000);
});
