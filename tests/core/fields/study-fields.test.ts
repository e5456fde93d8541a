// The field table and what is derived from it: summaries, patches, defaults, migrations and
// front matter for every field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlainToken, yamlEntry } from '../../../src/core/pure/markdown/front-matter-codec';
import { fieldsFromFrontMatter, frontMatterFor, readFrontMatter } from '../../../src/core/pure/markdown/front-matter';
import { studyFromDraft } from '../../../src/core/pure/new-study';
import { studyPatchSchema, studySummarySchema, toSummary, type Study } from '../../../src/core/pure/schemas/study';
import {
  fieldKeys,
  shownTitle,
  STUDY_FORMAT,
  studyFields,
  type StudyField,
} from '../../../src/core/pure/schemas/study-fields';
import { upgradeStudy, type Reshape } from '../../../src/core/pure/schemas/study-migrations';
import { byNewestEdit, compareText } from '../../../src/core/pure/study-order';

const chosen = { id: 'abc123', slug: 'a-title', now: '2026-05-01T10:00:00.000Z' };
const full = (): Study =>
  studyFromDraft(
    {
      title: 'A "title": with --- and\nnew line',
      summary: 'What changed',
      status: 'published',
      outcome: 'mixed',
      categories: ['Failure Analysis'],
      tags: ['aws', 'cost'],
      authors: ['Dana Kim', 'Lee Ortiz'],
      featured: true,
      metrics: [{ label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' }],
      cover: { src: `assets/${'c'.repeat(64)}.jpg`, alt: 'The cost chart: "before" & after' },
      language: 'pt-BR',
      date: '2026-04-02',
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-04-02T08:30:00.000Z',
    },
    chosen,
  );

describe('the study created from a draft', () => {
  it('takes every left-out field from the table, and the id and slug the store chose', () => {
    const study = studyFromDraft({ id: 'other', slug: 'other-slug' } as never, chosen);
    expect(study).toMatchObject({
      schemaVersion: STUDY_FORMAT,
      id: 'abc123',
      slug: 'a-title',
      title: '',
      summary: '',
      status: 'draft',
      outcome: null,
      categories: [],
      tags: [],
      featured: false,
      date: null,
      createdAt: chosen.now,
      updatedAt: chosen.now,
    });
    expect(study.problem).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});

describe('summary and patch', () => {
  it('keep the summary fields (no sections) and refuse store fields in a patch', () => {
    const study = full();
    const summary = toSummary(study);
    expect(Object.keys(summary).sort()).toEqual(fieldKeys.filter((k) => studyFields[k].summary).sort());
    expect(studySummarySchema.parse(summary)).toEqual(summary);
    expect(summary).not.toHaveProperty('problem');
    for (const key of ['id', 'createdAt', 'updatedAt', 'schemaVersion'])
      expect(studyPatchSchema.safeParse({ [key]: (study as Record<string, unknown>)[key] }).success, key).toBe(false);
    expect(studyPatchSchema.safeParse({ title: 'x', outcome: null }).success).toBe(true);
    expect(studyPatchSchema.safeParse({ title: 'x'.repeat(301) }).success).toBe(false);
  });
});

describe('front matter', () => {
  it('gives back every field the table writes to it', () => {
    const study = full();
    const front = readFrontMatter(`${frontMatterFor(study)}body`);
    if (!front.ok) throw new Error(front.reason);
    const warnings: string[] = [];
    const fields = fieldsFromFrontMatter(front.value.data, (m) => warnings.push(m));
    // A field without front matter (the conflict list: the author's to resolve, not a page's) is not exported.
    for (const key of fieldKeys) if (studyFields[key].frontMatter) expect(fields[key], key).toEqual(study[key]);
    expect(warnings).toEqual([]);
  });

  it('writes lists of maps as block YAML, everything else on one line', () => {
    expect(yamlEntry('m', [{ a: 1, 'b c': 'x' }, { a: 2 }])).toBe('m:\n  - a: 1\n    "b c": "x"\n  - a: 2');
    expect(yamlEntry('tags', ['a', 'b'])).toBe('tags: ["a", "b"]');
    expect(yamlEntry('m', [{}])).toBe('m: [{}]');
    expect(yamlEntry('m', [])).toBe('m: []');
    expect(yamlEntry('date', new PlainToken('2026-01-02'))).toBe('date: 2026-01-02');
    expect(yamlEntry('n', { x: [1, { y: null }] })).toBe('n: {x: [1, {y: null}]}');
  });
});

describe('upgrading an older study file', () => {
  const added: Record<string, StudyField<unknown>> = {
    ...studyFields,
    metrics: {
      schema: z.array(z.number()),
      owner: 'author',
      summary: false,
      since: 2,
      initial: () => [],
      frontMatter: null,
    },
    cover: {
      schema: z.string(),
      owner: 'author',
      summary: false,
      since: 3,
      initial: (c) => `covers/${c.slug}`,
      frontMatter: null,
    },
  };
  const v1 = { schemaVersion: 1, id: 'abc123', slug: 'a-title', title: 'T', updatedAt: chosen.now };

  it('fills each field added since with its initial value and claims the new format', () => {
    expect(upgradeStudy(v1, added, [], 3)).toEqual({
      ...v1,
      schemaVersion: 3,
      metrics: [],
      authors: [],
      cover: 'covers/a-title',
      language: null,
      conflictCount: 0,
      conflicts: [],
    });
    expect(upgradeStudy({ ...v1, schemaVersion: 2, metrics: [1] }, added, [], 3)).toEqual({
      ...v1,
      schemaVersion: 3,
      metrics: [1],
      authors: [],
      cover: 'covers/a-title',
      language: null,
      conflictCount: 0,
      conflicts: [],
    });
  });

  it('runs the reshapes after the file format, in order, before filling fields', () => {
    const steps: Reshape[] = [
      { to: 2, up: (s) => ({ ...s, title: `${String(s.title)}+2` }) },
      { to: 3, up: (s) => ({ ...s, title: `${String(s.title)}+3`, cover: 'kept' }) },
    ];
    expect(upgradeStudy(v1, added, steps, 3)).toMatchObject({ title: 'T+2+3', cover: 'kept' });
    expect(upgradeStudy({ ...v1, schemaVersion: 2 }, added, steps, 3)).toMatchObject({ title: 'T+3' });
  });

  it('leaves current, newer, unversioned and non-object values alone', () => {
    for (const value of [{ ...v1, schemaVersion: 3 }, { ...v1, schemaVersion: 4 }, { title: 'x' }, [1], null, 'x'])
      expect(upgradeStudy(value, added, [], 3)).toEqual(value);
    expect(upgradeStudy({ ...v1, schemaVersion: 1.5 }, added, [], 3)).toEqual({ ...v1, schemaVersion: 1.5 });
    expect(upgradeStudy({ ...v1, schemaVersion: 0 }, added, [], 3)).toEqual({ ...v1, schemaVersion: 0 });
  });

  it('does not change the object it was given', () => {
    const given = { ...v1 };
    upgradeStudy(given, added, [], 3);
    expect(given).toEqual(v1);
  });
});

describe('one copy of the small things', () => {
  it('names a study without a title "Untitled", spaces counting as none', () => {
    expect(shownTitle('')).toBe('Untitled');
    expect(shownTitle('  \t')).toBe('Untitled');
    expect(shownTitle('  Cloud bill ')).toBe('Cloud bill');
  });

  it('lists the newest edit first, ties broken by id the same way every time', () => {
    const s = (id: string, updatedAt: string) => ({ id, updatedAt });
    const list = [
      s('b', '2026-01-01T00:00:00.000Z'),
      s('c', '2026-03-01T00:00:00.000Z'),
      s('a', '2026-01-01T00:00:00.000Z'),
    ];
    expect([...list].sort(byNewestEdit).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(
      [...list]
        .reverse()
        .sort(byNewestEdit)
        .map((x) => x.id),
    ).toEqual(['c', 'a', 'b']);
    expect(compareText('Z', 'a')).toBe(-1); // code units, not the reader's language
    expect(compareText('a', 'a')).toBe(0);
  });
});
