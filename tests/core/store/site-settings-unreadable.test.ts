// casebook.json is the team's file (git commits it): a file Casebook cannot read, or a conflict
// list with bad entries, must never cost the settings nor be replaced by defaults.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { withTempDir } from '../../helpers/temp-dir';

const conflict = (i: number) => ({
  id: `c${i}`,
  at: '2026-01-01T00:00:00Z',
  where: { kind: 'field', field: 'title' },
  mine: 'Acme',
  theirs: `Other ${i}`,
});

async function teamWorkspace(dir: string, extra: Record<string, unknown>): Promise<string> {
  const service = await openWorkspace(dir);
  await service.updateSite({ patch: { title: 'Acme Engineering', tagline: 'Our tagline' } });
  const file = path.join(dir, 'casebook.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const text = JSON.stringify({ ...json, ...extra }, null, 2);
  await writeFile(file, text);
  return text;
}

describe('casebook.json that is not fully readable', () => {
  it('reads the settings past 101 conflict entries and bad ones, keeping the first 100 valid and saying so', async () => {
    await withTempDir(async (dir) => {
      const bad = [{ ...conflict(0), at: 'yesterday' }, { ...conflict(1), id: '../x' }, { nonsense: true }];
      const text = await teamWorkspace(dir, {
        conflicts: [...bad, ...Array.from({ length: 101 }, (_, i) => conflict(i + 2))],
      });
      const service = await openWorkspace(dir);
      expect((await service.getSite({})).title).toBe('Acme Engineering');
      const { site } = await service.settingsConflicts({});
      expect(site.conflicts).toHaveLength(100);
      expect(site.conflicts[0]!.id).toBe('c2');
      const info = await service.getWorkspaceInfo({});
      expect(info.quarantined).toEqual([]);
      expect(info.skipped).toEqual([
        {
          file: 'casebook.json',
          reason: expect.stringMatching(/4 of its recorded conflict entries could not be read/),
        },
      ]);
      // Nothing was written on open.
      expect(await readFile(path.join(dir, 'casebook.json'), 'utf8')).toBe(text);
    });
  });

  it('never writes defaults over a casebook.json it cannot read: left in place, saving refused naming the line', async () => {
    await withTempDir(async (dir) => {
      const good = await teamWorkspace(dir, {});
      const file = path.join(dir, 'casebook.json');
      const broken = good.replace('"Our tagline"', '"Our tagline",,');
      await writeFile(file, broken);
      const service = await openWorkspace(dir);
      const info = await service.getWorkspaceInfo({});
      expect(info.quarantined).toEqual([]);
      expect(info.skipped).toEqual([
        {
          file: 'casebook.json',
          reason: expect.stringMatching(/casebook\.json could not be read \(line 5, column \d+\)/),
        },
      ]);
      // Shown as defaults (never read), also after a re-read.
      await service.settingsConflicts({});
      expect((await service.getWorkspaceInfo({})).skipped[0]!.reason).toMatch(/show Casebook’s defaults/);
      await expect(service.updateSite({ patch: { accent: '#0a58ca' } })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/casebook\.json could not be read.*saving them is refused/s),
      });
      expect(await readFile(file, 'utf8')).toBe(broken);
      // Fixed by hand: the settings are the team's again, and saving works.
      await writeFile(file, good);
      expect((await service.updateSite({ patch: { accent: '#0a58ca' } })).title).toBe('Acme Engineering');
      expect((await service.getWorkspaceInfo({})).skipped).toEqual([]);
    });
  });

  it('names git conflict markers left by a text merge, keeps the last settings read and writes nothing', async () => {
    await withTempDir(async (dir) => {
      await teamWorkspace(dir, {});
      const service = await openWorkspace(dir);
      const file = path.join(dir, 'casebook.json');
      const merged = (await readFile(file, 'utf8')).replace(
        '    "title": "Acme Engineering",\n',
        '<<<<<<< HEAD\n    "title": "Acme Engineering",\n=======\n    "title": "Acme Eng",\n>>>>>>> origin/main\n',
      );
      await writeFile(file, merged);
      await expect(service.updateSite({ patch: { tagline: 'x' } })).rejects.toMatchObject({
        message: expect.stringMatching(/casebook\.json holds unresolved git conflict markers \(line 4\)/),
      });
      expect((await service.getSite({})).title).toBe('Acme Engineering');
      expect(await readFile(file, 'utf8')).toBe(merged);
      // A fresh open (the CLI, the app's next start) leaves it too.
      const again = await openWorkspace(dir);
      expect((await again.getWorkspaceInfo({})).skipped[0]!.reason).toMatch(/unresolved git conflict markers/);
      expect(await readFile(file, 'utf8')).toBe(merged);
    });
  });

  it('refuses an export while casebook.json cannot be read (the site would say what the defaults say), unless asked', async () => {
    await withTempDir(async (root) => {
      const dir = path.join(root, 'ws');
      const good = await teamWorkspace(dir, {});
      await writeFile(path.join(dir, 'casebook.json'), good.replace('"Our tagline"', '"Our tagline",,'));
      const service = await openWorkspace(dir);
      const outDir = path.join(root, 'site-out');
      await expect(
        service.exportWorkspace({ format: 'markdown', outDir, drafts: true, allowErrors: false }),
      ).rejects.toMatchObject({
        code: 'publish_errors',
        message: expect.stringMatching(/Not exported[^]*casebook\.json could not be read[^]*export anyway/),
      });
      await expect(
        service.exportWorkspace({ format: 'markdown', outDir, drafts: true, allowErrors: true }),
      ).resolves.toBeDefined();
    });
  });

  it('reads a template past bad entries in its conflict list, showing the valid ones', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const file = path.join(dir, 'templates', 'blank.json');
      const template = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const valid = { ...conflict(1), where: { kind: 'field', field: 'name' }, mine: 'Blank', theirs: 'Empty' };
      await writeFile(file, JSON.stringify({ ...template, conflicts: [{ id: 'x', at: 'no' }, valid] }));
      const listed = await service.listTemplates({});
      expect(listed.problems).toEqual([]);
      expect(listed.templates.map((t) => t.id)).toContain('blank');
      const { templates } = await service.settingsConflicts({});
      expect(templates.map((t) => [t.id, t.conflicts.map((c) => c.id)])).toEqual([['blank', ['c1']]]);
    });
  });
});
