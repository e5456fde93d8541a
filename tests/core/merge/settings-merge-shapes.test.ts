// The safety net under the settings merge (settings-merge.ts): a key whose sides are not the
// shape its rule merges (a list of names, named entries, parts) is merged as one value, so
// nothing in it is spread, dropped or half-merged; and a few rules seen in whole files.
import { describe, expect, it } from 'vitest';
import { mergeSettings, siteMergeRules, templateMergeRules } from '../../../src/core/pure/merge/settings-merge';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';

const now = new Date('2026-11-30T12:00:00.000Z');
const asValue = (rules: typeof siteMergeRules, base: object, ours: object, theirs: object) => {
  const { value, recorded } = mergeSettings(rules, base as never, ours as never, theirs as never, { now });
  return { value, clashes: recorded.map((c) => [c.where, c.mine, c.theirs]) };
};

describe('a key not shaped as its rule expects', () => {
  it('merges a list of names with a side that is not a list as one value, ours kept whole', () => {
    expect(asValue(templateMergeRules, { tags: ['a'] }, { tags: 'a, b' }, { tags: ['a', 'c'] })).toEqual({
      value: { tags: 'a, b' },
      clashes: [[{ kind: 'field', field: 'tags' }, 'a, b', ['a', 'c']]],
    });
    expect(asValue(templateMergeRules, { tags: 'a' }, { tags: ['a', 'b'] }, { tags: ['a', 'c'] }).value).toEqual({
      tags: ['a', 'b'],
    });
  });

  it('merges authors as one value when an entry has no name, dropping none', () => {
    const ours = { authors: [{ name: 'Ann' }, { bio: 'no name' }] };
    const theirs = { authors: [{ name: 'Ann' }, { name: 'Bo' }] };
    expect(asValue(siteMergeRules, { authors: [{ name: 'Ann' }] }, ours, theirs)).toEqual({
      value: ours,
      clashes: [[{ kind: 'field', field: 'authors' }, ours.authors, theirs.authors]],
    });
    const fromBase = asValue(siteMergeRules, { authors: ['Ann'] }, theirs, { authors: [{ name: 'Cy' }] });
    expect(fromBase.value).toEqual(theirs);
    expect(fromBase.clashes).toHaveLength(1);
  });

  it('merges a template’s sections as one value when a side is not an object of sections', () => {
    const base = { sections: { problem: 'P' } };
    expect(asValue(templateMergeRules, base, { sections: 'P2' }, { sections: { problem: 'P3' } })).toEqual({
      value: { sections: 'P2' },
      clashes: [[{ kind: 'field', field: 'sections' }, 'P2', { problem: 'P3' }]],
    });
    const overText = asValue(
      templateMergeRules,
      { sections: 'P' },
      { sections: { problem: 'A' } },
      { sections: { lessons: 'B' } },
    );
    expect(overText.value).toEqual({ sections: { problem: 'A' } });
    expect(overText.clashes).toHaveLength(1);
  });

  it('merges as one value a list of authors holding a null, and sections one side wrote as text', () => {
    const withNull = { authors: [{ name: 'Ann' }, null] };
    const merged = asValue(siteMergeRules, { authors: [] }, withNull, { authors: [{ name: 'Bo' }] });
    expect(merged.value).toEqual(withNull);
    expect(merged.clashes).toHaveLength(1);
    const sections = asValue(templateMergeRules, {}, { sections: { problem: 'P' } }, { sections: 'Q' });
    expect(sections.value).toEqual({ sections: { problem: 'P' } });
    expect(sections.clashes).toHaveLength(1);
  });

  it('compares categories that are not names as written', () => {
    expect(
      asValue(siteMergeRules, { categories: [1] }, { categories: [1, 2] }, { categories: [1, 3, 2] }).value,
    ).toEqual({
      categories: [1, 2, 3],
    });
  });
});

describe('a key both sides added (none in base)', () => {
  it('merges a template’s tags as a set and a site’s authors by name', () => {
    expect(asValue(templateMergeRules, {}, { tags: ['a', 'b'] }, { tags: ['a', 'c'] })).toEqual({
      value: { tags: ['a', 'b', 'c'] },
      clashes: [],
    });
    const authors = asValue(siteMergeRules, {}, { authors: [{ name: 'Ann' }] }, { authors: [{ name: 'Bo' }] });
    expect(authors).toEqual({ value: { authors: [{ name: 'Ann' }, { name: 'Bo' }] }, clashes: [] });
  });
});

describe('rules seen in whole files', () => {
  const template = (patch: object) => `${JSON.stringify({ name: 'Incident', tags: ['ops'], ...patch }, null, 2)}\n`;

  it('keeps a template’s tags that differ only in case (a template’s tags are not categories)', () => {
    const result = mergeWorkspaceFile(
      'templates/t.json',
      template({}),
      template({ tags: ['ops', 'API'] }),
      template({ tags: ['ops', 'api'] }),
    );
    expect(JSON.parse(result.text).tags).toEqual(['ops', 'API', 'api']);
  });

  it('keeps a setting one side added as none (null)', () => {
    const result = mergeWorkspaceFile(
      'templates/t.json',
      template({}),
      template({ outcome: null }),
      template({ description: 'D' }),
    );
    expect(JSON.parse(result.text)).toEqual({ name: 'Incident', tags: ['ops'], outcome: null, description: 'D' });
  });
});
