// casebook.json and templates merged as studies are: setting by setting, lists of names as sets,
// site authors by name, and what both sides changed differently recorded in the file's own
// conflict list (theirs beside ours), never a conflict marker, never lost.
import { describe, expect, it } from 'vitest';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { serializeJson } from '../../../src/core/pure/json-text';
import { defaultSiteSettings, workspaceFileSchema, type WorkspaceFile } from '../../../src/core/pure/schemas/site';
import { templateFileSchema } from '../../../src/core/pure/templates/template-schema';
import { settingConflictPlace } from '../../../src/core/pure/sync/conflict-text';
import { siteFile, siteAuthor as author } from '../../helpers/settings-files';

const read = (text: string): WorkspaceFile => workspaceFileSchema.parse(JSON.parse(text));
const now = new Date('2026-11-30T12:00:00.000Z');

describe('merging casebook.json', () => {
  it('records the site title changed differently on both sides: ours kept, theirs in the list with its author', () => {
    const result = mergeWorkspaceFile(
      'casebook.json',
      siteFile({}),
      siteFile({ title: 'Ours', tagline: 'Our tagline' }),
      siteFile({ title: 'Theirs', accent: '#aa3300' }),
      { now, theirsAuthor: 'Bob <bob@example.com>' },
    );
    expect(result).toMatchObject({ conflicts: 1, recorded: true });
    const file = read(result.text);
    expect(file.site).toMatchObject({ title: 'Ours', tagline: 'Our tagline', accent: '#aa3300' });
    expect(file.conflicts).toEqual([
      expect.objectContaining({
        where: { kind: 'field', field: 'title' },
        mine: 'Ours',
        theirs: 'Theirs',
        theirsAuthor: 'Bob <bob@example.com>',
        at: now.toISOString(),
      }),
    ]);
    expect(settingConflictPlace(file.conflicts![0]!, 'site')).toBe('Title');
    expect(result.text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    // Byte for byte what the site store writes.
    expect(result.text).toBe(serializeJson(workspaceFileSchema, JSON.parse(result.text)));
  });

  it('merges categories as a set (ignoring case) and authors by name', () => {
    const base = siteFile({ categories: ['A', 'B'], authors: [author('Ann'), author('Dana Kim')] });
    const result = mergeWorkspaceFile(
      'casebook.json',
      base,
      siteFile({ categories: ['A', 'B', 'Ops'], authors: [author('Ann'), author('Dana Kim'), author('Eve')] }),
      siteFile({ categories: ['B', 'ops', 'Perf'], authors: [author('Dana Kim'), author('Finn')] }),
    );
    expect(result).toMatchObject({ conflicts: 0, recorded: true });
    const file = read(result.text);
    // A removed on their side; Ops added here and "ops" there are one category.
    expect(file.site.categories).toEqual(['B', 'Ops', 'Perf']);
    expect(file.site.authors.map((a) => a.name)).toEqual(['Dana Kim', 'Eve', 'Finn']);
    expect(file.conflicts).toBeUndefined();
  });

  it('merges one author’s fields and records a conflict on that author when both changed the same one', () => {
    const base = siteFile({ authors: [author('Dana Kim', { bio: 'SRE' })] });
    const result = mergeWorkspaceFile(
      'casebook.json',
      base,
      siteFile({ authors: [author('Dana Kim', { bio: 'SRE lead', url: 'https://dana.example' })] }),
      siteFile({ authors: [author('Dana Kim', { bio: 'Platform engineer' })] }),
      { now },
    );
    expect(result).toMatchObject({ conflicts: 1, recorded: true });
    const file = read(result.text);
    const conflict = file.conflicts![0]!;
    expect(conflict.where).toEqual({ kind: 'field', field: 'authors', item: 'Dana Kim' });
    expect(conflict.mine).toMatchObject({ bio: 'SRE lead', url: 'https://dana.example' });
    // Theirs keeps the clean part of the merge (the link) with their bio.
    expect(conflict.theirs).toMatchObject({ bio: 'Platform engineer', url: 'https://dana.example' });
    expect(settingConflictPlace(conflict, 'site')).toBe('Authors: Dana Kim');
  });

  it('keeps an author edited on one side and removed on the other', () => {
    const result = mergeWorkspaceFile(
      'casebook.json',
      siteFile({ authors: [author('Ann'), author('Bo')] }),
      siteFile({ authors: [author('Ann', { bio: 'Writes' }), author('Bo')] }),
      siteFile({ authors: [author('Bo')] }),
    );
    expect(read(result.text).site.authors.map((a) => a.bio)).toEqual(['Writes', '']);
  });

  it('keeps conflicts already recorded, drops those one side resolved, and stays within 100', () => {
    const first = mergeWorkspaceFile(
      'casebook.json',
      siteFile({}),
      siteFile({ title: 'O' }),
      siteFile({ title: 'T' }),
      {
        now,
      },
    );
    const recorded = read(first.text).conflicts!;
    // Both sides hold the record; here it was resolved (mine), there it is still open.
    const resolvedHere = siteFile({ title: 'O' });
    const stillThere = siteFile({ title: 'O', tagline: 'New' }, { conflicts: recorded });
    const next = read(mergeWorkspaceFile('casebook.json', first.text, resolvedHere, stillThere).text);
    expect(next.conflicts).toBeUndefined();
    expect(next.site.tagline).toBe('New');
    const many = Array.from({ length: 100 }, (_, i) => ({ ...recorded[0]!, id: `old-${i}` }));
    const full = mergeWorkspaceFile(
      'casebook.json',
      siteFile({}),
      siteFile({ title: 'O2' }, { conflicts: many }),
      siteFile({ title: 'T2' }, { conflicts: many }),
    );
    const list = read(full.text).conflicts!;
    expect(list).toHaveLength(100);
    expect(list.at(-1)!.theirs).toBe('T2');
  });

  it('writes casebook.json as format 2 while it holds conflicts (an older Casebook opens it read-only), format 1 after', () => {
    const first = mergeWorkspaceFile(
      'casebook.json',
      siteFile({}),
      siteFile({ title: 'O' }),
      siteFile({ title: 'T' }),
      {
        now,
      },
    );
    // The Casebook before conflicts reads format 1 only and drops keys it does not know on a save:
    // it must not be able to save this file (its next sync would resolve every record unasked).
    expect(JSON.parse(first.text)).toMatchObject({ schemaVersion: 2, conflicts: [expect.anything()] });
    const recorded = read(first.text).conflicts!;
    const resolved = read(
      mergeWorkspaceFile(
        'casebook.json',
        first.text,
        siteFile({ title: 'O' }),
        siteFile({ title: 'O' }, { conflicts: recorded, schemaVersion: 2 }),
      ).text,
    );
    expect(resolved).toMatchObject({ schemaVersion: 1 });
    expect(resolved.conflicts).toBeUndefined();
  });

  it('merges past bad entries in a side’s conflict list, keeping its valid ones', () => {
    const first = mergeWorkspaceFile(
      'casebook.json',
      siteFile({}),
      siteFile({ title: 'O' }),
      siteFile({ title: 'T' }),
      {
        now,
      },
    );
    const recorded = read(first.text).conflicts!;
    const hostile = JSON.stringify({
      ...JSON.parse(siteFile({ title: 'O', tagline: 'New' })),
      conflicts: [{ id: '../x', at: 'no' }, ...recorded],
    });
    const next = read(
      mergeWorkspaceFile('casebook.json', first.text, siteFile({ title: 'O' }, { conflicts: recorded }), hostile).text,
    );
    expect(next.site.tagline).toBe('New');
    expect(next.conflicts).toEqual(recorded);
  });

  it('reads an older casebook.json without a conflict list (and without authors)', () => {
    const old = JSON.stringify({ schemaVersion: 1, site: { ...defaultSiteSettings(), authors: undefined } });
    const result = mergeWorkspaceFile('casebook.json', old, old.replace('Casebook', 'Ours'), siteFile({ title: 'T' }));
    expect(result.recorded).toBe(true);
    expect(read(result.text).site.title).toBe('Ours');
    expect(read(result.text).conflicts).toHaveLength(1);
  });

  it('keeps ours whole and unrecorded when their side does not parse', () => {
    const ours = siteFile({ title: 'Ours' });
    expect(mergeWorkspaceFile('casebook.json', siteFile({}), ours, '{"schemaVersion":1,"site":')).toEqual({
      text: ours,
      conflicts: 1,
      recorded: false,
    });
  });
});

describe('merging a template', () => {
  const template = (patch: object) => `${JSON.stringify({ name: 'Incident', tags: ['ops'], ...patch }, null, 2)}\n`;

  it('merges tags as a set and records a section written differently on both sides', () => {
    const result = mergeWorkspaceFile(
      'templates/incident.json',
      template({ sections: { problem: 'What broke?' } }),
      template({ tags: ['ops', 'sre'], sections: { problem: 'What broke, and when?' } }),
      template({ tags: ['ops', 'oncall'], sections: { problem: 'Who was paged?' } }),
      { now },
    );
    expect(result).toMatchObject({ conflicts: 1, recorded: true });
    const raw = JSON.parse(result.text) as Record<string, unknown>;
    expect(templateFileSchema.safeParse(raw).success).toBe(true);
    expect(raw.tags).toEqual(['ops', 'sre', 'oncall']);
    expect(raw.sections).toEqual({ problem: 'What broke, and when?' });
    const [conflict] = templateFileSchema.parse(raw).conflicts!;
    expect(conflict!.where).toEqual({ kind: 'field', field: 'sections', item: 'problem' });
    expect(conflict!.theirs).toBe('Who was paged?');
    expect(settingConflictPlace(conflict!, 'template')).toBe('Section: Problem');
  });

  it('writes no conflict list when nothing clashed (the author’s keys stay as written)', () => {
    const result = mergeWorkspaceFile(
      'templates/incident.json',
      template({}),
      template({ description: 'For outages' }),
      template({ outcome: 'failed' }),
    );
    expect(JSON.parse(result.text)).toEqual({
      name: 'Incident',
      tags: ['ops'],
      description: 'For outages',
      outcome: 'failed',
    });
  });
});
