// Resolving a conflict recorded in site settings or a template through the contract, as the
// app does: Keep mine, Take theirs, Keep both (joined titles; a colour keeps mine and says so;
// an author's bios together), compare-and-swap on the file's version, and settings saves that
// keep the list.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, type CasebookService } from '../../../src/core/node/casebook-service';
import { dispatch } from '../../../src/core/pure/dispatch';
import { unwrapResult } from '../../../src/core/pure/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/core/pure/contract';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { resolveSiteConflict } from '../../../src/core/pure/merge/resolve-settings-conflict';
import { resolveTemplateConflict } from '../../../src/core/pure/merge/resolve-template-conflict';
import { serializeJson } from '../../../src/core/pure/json-text';
import { defaultSiteSettings, workspaceFileSchema, type SiteSettings } from '../../../src/core/pure/schemas/site';
import { withTempDir } from '../../helpers/temp-dir';
import { formatCheck } from '../../../src/cli/check-report';

const call = async <M extends MethodName>(service: CasebookService, method: M, input: MethodInput<M>) =>
  unwrapResult(await dispatch(service, method, input)) as MethodOutput<M>;

const siteFile = (patch: Partial<SiteSettings>) =>
  serializeJson(workspaceFileSchema, { schemaVersion: 1, site: { ...defaultSiteSettings(), ...patch } });

/** A workspace whose casebook.json is the merge of `ours` and `theirs` over the default settings. */
async function withSiteMerged(
  ours: Partial<SiteSettings>,
  theirs: Partial<SiteSettings>,
  run: (service: CasebookService, ws: string) => Promise<void>,
  base: Partial<SiteSettings> = {},
) {
  await withTempDir(async (ws) => {
    const merged = mergeWorkspaceFile('casebook.json', siteFile(base), siteFile(ours), siteFile(theirs), {
      theirsAuthor: 'Bob',
    });
    await writeFile(path.join(ws, 'casebook.json'), merged.text);
    await run(await openWorkspace(ws), ws);
  });
}

const onlyConflict = async (service: CasebookService) => {
  const { site } = await call(service, 'settingsConflicts', {});
  expect(site.conflicts).toHaveLength(1);
  return { id: site.conflicts[0]!.id, version: site.version };
};

describe('resolveSettingsConflict on the site settings', () => {
  it('Keep mine drops the record and keeps the title; the file is as before a conflict', async () => {
    await withSiteMerged({ title: 'Ann’s blog' }, { title: 'Bob’s blog' }, async (service, ws) => {
      const { id, version } = await onlyConflict(service);
      const done = await call(service, 'resolveSettingsConflict', {
        target: { kind: 'site' },
        conflictId: id,
        choice: 'mine',
        baseVersion: version,
      });
      expect(done.site.title).toBe('Ann’s blog');
      expect(done.conflicts.site.conflicts).toEqual([]);
      expect(JSON.parse(await readFile(path.join(ws, 'casebook.json'), 'utf8'))).not.toHaveProperty('conflicts');
    });
  });

  it('Take theirs sets their title, kept by the next save of another setting', async () => {
    await withSiteMerged({ title: 'Ann’s blog' }, { title: 'Bob’s blog' }, async (service) => {
      const { id } = await onlyConflict(service);
      const done = await call(service, 'resolveSettingsConflict', {
        target: { kind: 'site' },
        conflictId: id,
        choice: 'theirs',
      });
      expect(done.site.title).toBe('Bob’s blog');
      expect((await call(service, 'getSite', {})).title).toBe('Bob’s blog');
    });
  });

  it('Keep both joins two titles as a study’s titles join', async () => {
    await withSiteMerged({ title: 'Ann’s blog' }, { title: 'Bob’s blog' }, async (service) => {
      const { id } = await onlyConflict(service);
      const done = await call(service, 'resolveSettingsConflict', {
        target: { kind: 'site' },
        conflictId: id,
        choice: 'both',
      });
      expect(done.site.title).toBe('Ann’s blog / Bob’s blog');
      expect(done.note).toBeNull();
    });
  });

  it('Keep both of two accent colours keeps mine and says so, naming theirs', async () => {
    await withSiteMerged({ accent: '#0a58ca' }, { accent: '#aa3300' }, async (service) => {
      const { id } = await onlyConflict(service);
      const done = await call(service, 'resolveSettingsConflict', {
        target: { kind: 'site' },
        conflictId: id,
        choice: 'both',
      });
      expect(done.site.accent).toBe('#0a58ca');
      expect(done.note).toBe('Accent colour holds one value: yours is kept. Theirs was #aa3300.');
      expect(done.conflicts.site.conflicts).toEqual([]);
    });
  });

  it('Keep both of one author’s bios keeps both, mine first', async () => {
    const dana = { name: 'Dana Kim', bio: 'SRE', url: '', avatar: '' };
    await withSiteMerged(
      { authors: [{ ...dana, bio: 'SRE lead' }] },
      { authors: [{ ...dana, bio: 'Platform engineer', url: 'https://dana.example' }] },
      async (service) => {
        const { id } = await onlyConflict(service);
        const done = await call(service, 'resolveSettingsConflict', {
          target: { kind: 'site' },
          conflictId: id,
          choice: 'both',
        });
        expect(done.site.authors).toEqual([
          { ...dana, bio: 'SRE lead\n\nPlatform engineer', url: 'https://dana.example' },
        ]);
      },
      { authors: [dana] },
    );
  });

  it('keeps the list when another setting is saved; refuses a list changed since shown, and a gone conflict', async () => {
    await withSiteMerged({ title: 'Ann’s blog' }, { title: 'Bob’s blog' }, async (service, ws) => {
      const { id, version } = await onlyConflict(service);
      // A save of the settings (the form's own) leaves the list's version as it was shown.
      await call(service, 'updateSite', { patch: { tagline: 'Changed meanwhile' } });
      expect((await onlyConflict(service)).version).toBe(version);
      // Another window resolved it and a sync brought it back: the list changed since shown.
      const file = path.join(ws, 'casebook.json');
      const json = JSON.parse(await readFile(file, 'utf8')) as { conflicts: Array<{ at: string }> };
      json.conflicts[0]!.at = '2030-01-01T00:00:00.000Z';
      await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
      const stale = await dispatch(service, 'resolveSettingsConflict', {
        target: { kind: 'site' },
        conflictId: id,
        choice: 'theirs',
        baseVersion: version,
      });
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const again = await onlyConflict(service);
      await call(service, 'resolveSettingsConflict', {
        target: { kind: 'site' },
        conflictId: again.id,
        choice: 'mine',
      });
      const gone = await dispatch(service, 'resolveSettingsConflict', {
        target: { kind: 'site' },
        conflictId: again.id,
        choice: 'mine',
      });
      expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});

describe('site settings in conflict and publishing', () => {
  it('fail casebook check --strict and block an export, with a clear message, until resolved', async () => {
    await withSiteMerged({ accent: '#0a58ca' }, { accent: '#aa3300' }, async (service, ws) => {
      const report = await call(service, 'checkWorkspace', { publishedOnly: false });
      expect(report.settings).toEqual([{ label: 'Site settings', places: ['Accent colour'], errors: 1, warnings: 0 }]);
      const run = formatCheck(report, { strict: true });
      expect(run.exitCode).toBe(1);
      expect(run.text).toContain(
        'Conflicts: The site settings hold 1 unresolved conflict from a sync (Accent colour): resolve it in Site settings (Keep mine, Take theirs or Keep both).',
      );
      const outDir = path.join(ws, '..', `${path.basename(ws)}-out`);
      const refused = await dispatch(service, 'exportWorkspace', { format: 'markdown', outDir });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'publish_errors', details: { site: ['Accent colour'] } },
      });
      expect(refused.ok || refused.error.message).toMatch(
        /^Not exported\. Nothing was written\.\nThe site settings hold 1/,
      );
      const { id } = await onlyConflict(service);
      await call(service, 'resolveSettingsConflict', { target: { kind: 'site' }, conflictId: id, choice: 'mine' });
      expect(
        formatCheck(await call(service, 'checkWorkspace', { publishedOnly: false }), { strict: true }).exitCode,
      ).toBe(0);
    });
  });
});

describe('resolveSettingsConflict on a template', () => {
  it('lists a template’s conflict and takes their section', async () => {
    await withTempDir(async (ws) => {
      const template = (problem: string) => `${JSON.stringify({ name: 'Incident', sections: { problem } }, null, 2)}\n`;
      const merged = mergeWorkspaceFile(
        'templates/incident.json',
        template('What broke?'),
        template('What broke, and when?'),
        template('Who was paged?'),
      );
      await mkdir(path.join(ws, 'templates'));
      await writeFile(path.join(ws, 'templates', 'incident.json'), merged.text);
      const service = await openWorkspace(ws);
      const { templates } = await call(service, 'settingsConflicts', {});
      expect(templates.map((t) => [t.id, t.name, t.conflicts.length])).toEqual([['incident', 'Incident', 1]]);
      const done = await call(service, 'resolveSettingsConflict', {
        target: { kind: 'template', id: 'incident' },
        conflictId: templates[0]!.conflicts[0]!.id,
        choice: 'theirs',
        baseVersion: templates[0]!.version,
      });
      expect(done.conflicts.templates).toEqual([]);
      expect(JSON.parse(await readFile(path.join(ws, 'templates', 'incident.json'), 'utf8'))).toEqual({
        name: 'Incident',
        sections: { problem: 'Who was paged?' },
      });
      const listed = await call(service, 'listTemplates', {});
      expect(listed.problems).toEqual([]);
    });
  });
});

describe('Keep both in a template', () => {
  const merged = (ours: object, theirs: object) =>
    JSON.parse(
      mergeWorkspaceFile(
        'templates/incident.json',
        JSON.stringify({ name: 'Incident', outcome: 'mixed', sections: { problem: 'What broke?' } }),
        JSON.stringify({ name: 'Incident', outcome: 'mixed', sections: { problem: 'What broke?' }, ...ours }),
        JSON.stringify({ name: 'Incident', outcome: 'mixed', sections: { problem: 'What broke?' }, ...theirs }),
      ).text,
    ) as Record<string, unknown> & { conflicts: Array<{ id: string }> };

  it('puts their section after mine as a second paragraph', () => {
    const file = merged(
      { sections: { problem: 'What broke, and when?' } },
      { sections: { problem: 'Who was paged?' } },
    );
    const done = resolveTemplateConflict(file, file.conflicts[0]!.id, 'both');
    expect(done.value).toEqual({
      name: 'Incident',
      outcome: 'mixed',
      sections: { problem: 'What broke, and when?\n\nWho was paged?' },
    });
    expect(done.note).toBeNull();
  });

  it('keeps my outcome (one value) and says so, naming theirs', () => {
    const file = merged({ outcome: 'failed' }, { outcome: 'succeeded' });
    const done = resolveTemplateConflict(file, file.conflicts[0]!.id, 'both');
    expect(done.value).toMatchObject({ outcome: 'failed' });
    expect(done.value).not.toHaveProperty('conflicts');
    expect(done.note).toBe('Outcome holds one value: yours is kept. Theirs was succeeded.');
  });
});

describe('records a settings merge never makes', () => {
  const doc = (id: string, text: string) => ({
    type: 'doc',
    content: [{ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] }],
  });

  it('Keep both of two template sections from one base gives the second copy fresh block ids', () => {
    const file = {
      name: 'Incident',
      sections: { problem: doc('blk-1', 'Mine') },
      conflicts: [
        {
          id: 't1',
          at: '2026-01-01T00:00:00Z',
          where: { kind: 'field' as const, field: 'sections', item: 'problem' },
          mine: doc('blk-1', 'Mine'),
          theirs: doc('blk-1', 'Theirs'),
        },
      ],
    };
    const done = resolveTemplateConflict(file, 't1', 'both');
    const blocks = (done.value.sections as { problem: { content: Array<{ attrs: { id: string } }> } }).problem.content;
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.attrs.id).toBe('blk-1');
    expect(new Set(blocks.map((b) => b.attrs.id)).size).toBe(2);
  });

  it('refuses Take theirs and Keep both on a block record (nothing to take), Keep mine clears it', () => {
    const block = {
      id: 'b1',
      at: '2026-01-01T00:00:00Z',
      where: { kind: 'block' as const, section: 'problem' as const, block: 'x' },
      mine: null,
      theirs: doc('x', 'Hello'),
    };
    for (const choice of ['theirs', 'both'] as const) {
      expect(() => resolveSiteConflict(defaultSiteSettings(), [block], 'b1', choice)).toThrow(
        /names a block of a study's section[^]*Keep mine/,
      );
      expect(() => resolveTemplateConflict({ name: 'T', conflicts: [block] }, 'b1', choice)).toThrow(/Keep mine/);
    }
    expect(resolveSiteConflict(defaultSiteSettings(), [block], 'b1', 'mine').conflicts).toEqual([]);
  });
});
