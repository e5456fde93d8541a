// A workspace file added on both sides (no base): each merges as if everything in it were added
// twice, so what both wrote the same is kept and what differs is a conflict, ours in place.
import { describe, expect, it } from 'vitest';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { serializeJson } from '../../../src/core/pure/json-text';
import { defaultSiteSettings, workspaceFileSchema } from '../../../src/core/pure/schemas/site';
import { baseStudy, fileOf, parseStudy } from './merge-fixtures';

const now = new Date('2026-11-30T12:00:00.000Z');
const template = (patch: object) => `${JSON.stringify({ name: 'Incident', tags: ['ops'], ...patch }, null, 2)}\n`;

describe('a file added on both sides', () => {
  it('keeps a study’s agreed fields and records the title both wrote differently', () => {
    const result = mergeWorkspaceFile(
      'studies/merge-me.json',
      null,
      fileOf(baseStudy({ title: 'Ours' })),
      fileOf(baseStudy({ title: 'Theirs' })),
      { now },
    );
    expect(result).toMatchObject({ conflicts: 1, recorded: true });
    const study = parseStudy(result.text);
    expect(study).toMatchObject({ title: 'Ours', tags: ['infra', 'db'] });
    expect(study.conflicts.map((c) => [c.where, c.theirs])).toEqual([[{ kind: 'field', field: 'title' }, 'Theirs']]);
  });

  it('keeps casebook.json’s and a template’s agreed settings and records those written differently', () => {
    const site = (patch: object) =>
      serializeJson(workspaceFileSchema, { schemaVersion: 1, site: { ...defaultSiteSettings(), ...patch } });
    const merged = mergeWorkspaceFile(
      'casebook.json',
      null,
      site({ title: 'Ours', tagline: 'Same' }),
      site({ title: 'Theirs', tagline: 'Same' }),
      { now },
    );
    expect(merged).toMatchObject({ conflicts: 1, recorded: true });
    expect(JSON.parse(merged.text).site).toMatchObject({ title: 'Ours', tagline: 'Same' });
    const tpl = mergeWorkspaceFile(
      'templates/t.json',
      null,
      template({ description: 'O' }),
      template({ description: 'T' }),
      { now },
    );
    expect(tpl).toMatchObject({ conflicts: 1, recorded: true });
    expect(JSON.parse(tpl.text)).toMatchObject({
      description: 'O',
      conflicts: [expect.objectContaining({ theirs: 'T' })],
    });
  });
});
