// casebook.json and templates merged key by key (settings-merge.ts), for the cases a team meets:
// a setting removed on one side, an author both added under one name spelled differently, one
// author's fields edited on both sides, a template's sections edited one each.
import { describe, expect, it } from 'vitest';
import { mergeSettings, siteMergeRules, templateMergeRules } from '../../../src/core/pure/merge/settings-merge';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { workspaceFileSchema } from '../../../src/core/pure/schemas/site';
import { siteFile, siteAuthor as author } from '../../helpers/settings-files';

const now = new Date('2026-11-30T12:00:00.000Z');
const template = (patch: object) => `${JSON.stringify({ name: 'Incident', tags: ['ops'], ...patch }, null, 2)}\n`;
const mergeTemplate = (base: object, ours: object, theirs: object) => {
  const result = mergeWorkspaceFile('templates/t.json', template(base), template(ours), template(theirs), { now });
  return { ...result, file: JSON.parse(result.text) as Record<string, unknown> };
};

describe('a key on one side only', () => {
  it('is out when one side removed it and the other left it as it was', () => {
    const { file, conflicts } = mergeTemplate({ description: 'Old' }, { description: 'Old', tags: ['ops', 'sre'] }, {});
    expect(conflicts).toBe(0);
    expect(file).toEqual({ name: 'Incident', tags: ['ops', 'sre'] });
  });

  it('keeps the edit when one side removed it and the other changed it', () => {
    expect(mergeTemplate({ description: 'Old' }, {}, { description: 'New' }).file.description).toBe('New');
    expect(mergeTemplate({ description: 'Old' }, { description: 'New' }, {}).file.description).toBe('New');
  });
});

describe('site authors', () => {
  it('merges one author’s fields edited on both sides without a conflict', () => {
    const result = mergeWorkspaceFile(
      'casebook.json',
      siteFile({ authors: [author('Dana Kim')] }),
      siteFile({ authors: [author('Dana Kim', { bio: 'SRE lead' })] }),
      siteFile({ authors: [author('Dana Kim', { url: 'https://dana.example' })] }),
    );
    expect(result).toMatchObject({ conflicts: 0, recorded: true });
    expect(JSON.parse(result.text).site.authors).toEqual([
      author('Dana Kim', { bio: 'SRE lead', url: 'https://dana.example' }),
    ]);
  });

  it('takes an author both added under one name in different case as one, the spelling a conflict on that author', () => {
    const result = mergeWorkspaceFile(
      'casebook.json',
      siteFile({ authors: [] }),
      siteFile({ authors: [author('Eve Li', { bio: 'Ours' })] }),
      siteFile({ authors: [author('eve li', { bio: 'Ours' })] }),
      { now },
    );
    expect(result).toMatchObject({ conflicts: 1, recorded: true });
    const file = workspaceFileSchema.parse(JSON.parse(result.text));
    expect(file.site.authors).toEqual([author('Eve Li', { bio: 'Ours' })]);
    expect(file.conflicts).toEqual([
      expect.objectContaining({
        where: { kind: 'field', field: 'authors', item: 'Eve Li' },
        mine: author('Eve Li', { bio: 'Ours' }),
        theirs: author('eve li', { bio: 'Ours' }),
      }),
    ]);
  });
});

describe('a template’s sections', () => {
  it('keeps a section edited here and another edited there', () => {
    const { file, conflicts } = mergeTemplate(
      { sections: { problem: 'P', lessons: 'L' } },
      { sections: { problem: 'P, ours', lessons: 'L' } },
      { sections: { problem: 'P', lessons: 'L, theirs' } },
    );
    expect(conflicts).toBe(0);
    expect(file.sections).toEqual({ problem: 'P, ours', lessons: 'L, theirs' });
  });

  it('merges sections both sides added, a section written differently being a conflict of its own', () => {
    const { file, conflicts, text } = mergeTemplate(
      {},
      { sections: { problem: 'P', decisions: 'D, ours' } },
      { sections: { problem: 'P', decisions: 'D, theirs', lessons: 'L' } },
    );
    expect(conflicts).toBe(1);
    expect(file.sections).toEqual({ problem: 'P', decisions: 'D, ours', lessons: 'L' });
    expect(text).toContain('D, theirs');
  });

  it('compares a section written as rich text as a whole', () => {
    const rich = (text: string) => ({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    });
    const { file, conflicts } = mergeTemplate(
      { sections: { problem: rich('P') } },
      { sections: { problem: rich('P, ours') } },
      { sections: { problem: rich('P, theirs') } },
    );
    expect(conflicts).toBe(1);
    expect(file.sections).toEqual({ problem: rich('P, ours') });
  });
});

describe('a merge given no time', () => {
  it('dates its conflicts now', () => {
    const before = Date.now();
    const { recorded } = mergeSettings(siteMergeRules, { title: 'A' }, { title: 'B' }, { title: 'C' });
    expect(recorded).toHaveLength(1);
    expect(Date.parse(recorded[0]!.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(recorded[0]!.at)).toBeLessThanOrEqual(Date.now());
  });

  it('follows the rules it is given: a template’s tags as a set, a site’s as one value', () => {
    const [base, ours, theirs] = [{ tags: ['a'] }, { tags: ['a', 'b'] }, { tags: ['a', 'c'] }];
    expect(mergeSettings(templateMergeRules, base, ours, theirs, { now }).value).toEqual({ tags: ['a', 'b', 'c'] });
    const asValue = mergeSettings(siteMergeRules, base, ours, theirs, { now });
    expect(asValue.value).toEqual({ tags: ['a', 'b'] });
    expect(asValue.recorded).toHaveLength(1);
  });
});
