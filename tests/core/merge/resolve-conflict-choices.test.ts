// Each choice of resolveConflict on each kind of record, as plain data (the service tests go
// through dispatch with a few merges; these reach every branch): what changes, what stays, what is
// refused and why.
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../src/core/pure/merge/conflict-schema';
import { resolveConflict } from '../../../src/core/pure/merge/resolve-conflict';
import type { Metric } from '../../../src/core/pure/schemas/metrics';
import type { Study } from '../../../src/core/pure/schemas/study';
import { baseStudy, doc, para, texts } from './merge-fixtures';
import { casebookRefusal } from '../../helpers/casebook-failure';

const at = '2026-03-01T10:00:00.000Z';
const fieldConflict = (id: string, field: string, mine: unknown, theirs: unknown, item?: string): Conflict => ({
  id,
  at,
  where: item === undefined ? { kind: 'field', field } : { kind: 'field', field, item },
  mine,
  theirs,
});
const blockConflict = (id: string, block: string, theirs: unknown): Conflict => ({
  id,
  at,
  where: { kind: 'block', section: 'problem', block },
  mine: null,
  theirs,
});
/** Another record, which every resolution must leave in place. */
const other = fieldConflict('other', 'status', 'draft', 'published');

const withConflict = (conflict: Conflict, overrides: Partial<Study> = {}): Study =>
  baseStudy({ ...overrides, conflicts: [other, conflict] });

const metric = (label: string, after: number): Metric => ({ label, before: 100, after, unit: 'ms', better: 'lower' });

describe('resolveConflict on a field', () => {
  it('Keep mine changes nothing but the list', () => {
    const study = withConflict(fieldConflict('c1', 'title', 'Base title', 'Theirs'));
    expect(resolveConflict(study, 'c1', 'mine')).toEqual({ change: { conflicts: [other] }, conflictCopy: null });
  });

  it('Take theirs sets their value, checked against the field', () => {
    const study = withConflict(fieldConflict('c1', 'tags', ['infra'], ['  db  ', 'cache']));
    expect(resolveConflict(study, 'c1', 'theirs')).toEqual({
      change: { tags: ['db', 'cache'], conflicts: [other] },
      conflictCopy: null,
    });
  });

  it('refuses their value when it breaks the field’s rules, naming the field', () => {
    const study = withConflict(fieldConflict('c1', 'title', 'Base title', 'x'.repeat(301)));
    for (const choice of ['theirs', 'both'] as const) {
      const err = casebookRefusal(() => resolveConflict(study, 'c1', choice));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe('Their value of "Title" is not valid any more; keep yours instead.');
    }
  });

  it('Keep both joins titles with a slash and summaries as two paragraphs, one alone when the other is empty', () => {
    const title = withConflict(fieldConflict('c1', 'title', 'Base title', 'Their title'));
    expect(resolveConflict(title, 'c1', 'both').change).toEqual({
      title: 'Base title / Their title',
      conflicts: [other],
    });
    const untitled = withConflict(fieldConflict('c1', 'title', '', 'Their title'), { title: '' });
    expect(resolveConflict(untitled, 'c1', 'both').change.title).toBe('Their title');
    const summary = withConflict(fieldConflict('c1', 'summary', 'Mine', 'Theirs'), { summary: 'Mine.' });
    expect(resolveConflict(summary, 'c1', 'both').change.summary).toBe('Mine.\n\nTheirs');
    const unsaid = withConflict(fieldConflict('c1', 'summary', 'Mine', ''), { summary: 'Mine.' });
    expect(resolveConflict(unsaid, 'c1', 'both').change.summary).toBe('Mine.');
  });

  it('refuses Keep both of texts longer together than the field holds, rather than cut theirs', () => {
    const title = (theirs: string) =>
      withConflict(fieldConflict('c1', 'title', 'x', theirs), { title: 'M'.repeat(290) });
    expect(resolveConflict(title('y'.repeat(7)), 'c1', 'both').change.title).toBe(`${'M'.repeat(290)} / yyyyyyy`);
    const err = casebookRefusal(() => resolveConflict(title('y'.repeat(8)), 'c1', 'both'));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe(
      'Keeping both would make "Title" 301 characters long, more than the 300 it holds: keep yours or take theirs, and add the rest by hand.',
    );
    const summary = (theirs: string) =>
      withConflict(fieldConflict('c1', 'summary', 'x', theirs), { summary: 'S'.repeat(995) });
    expect(resolveConflict(summary('TTT'), 'c1', 'both').change.summary).toHaveLength(1000);
    expect(casebookRefusal(() => resolveConflict(summary('TTTT'), 'c1', 'both')).message).toMatch(
      /^Keeping both would make "Summary" 1001 characters long, more than the 1000 it holds/,
    );
  });

  it('Keep both of names keeps mine in order, then theirs that mine lacks, case aside', () => {
    const tags = withConflict(fieldConflict('c1', 'tags', [], ['DB', 'cache', 'cache', 'queues']));
    expect(resolveConflict(tags, 'c1', 'both').change.tags).toEqual(['infra', 'db', 'cache', 'queues']);
    const categories = withConflict(fieldConflict('c1', 'categories', [], ['Outages', 'Scaling']), {
      categories: ['scaling'],
    });
    expect(resolveConflict(categories, 'c1', 'both').change.categories).toEqual(['scaling', 'Outages']);
    const authors = withConflict(fieldConflict('c1', 'authors', [], ['Bob', 'ann']), { authors: ['Ann'] });
    expect(resolveConflict(authors, 'c1', 'both').change.authors).toEqual(['Ann', 'Bob']);
  });

  it('Keep both of key results keeps both figures for one label, and one copy of the same figure', () => {
    const study = withConflict(fieldConflict('c1', 'metrics', [], [metric('p99', 120), metric('p50', 40)]), {
      metrics: [metric('p99', 90), metric('p50', 40)],
    });
    expect(resolveConflict(study, 'c1', 'both').change.metrics).toEqual([
      metric('p99', 90),
      metric('p50', 40),
      metric('p99', 120),
    ]);
  });

  it('refuses Keep both when the union is longer than the field holds, rather than drop some of theirs', () => {
    const mine = Array.from({ length: 8 }, (_, i) => metric(`mine ${i}`, i));
    const theirs = Array.from({ length: 5 }, (_, i) => metric(`theirs ${i}`, i));
    const study = withConflict(fieldConflict('c1', 'metrics', mine, theirs), { metrics: mine });
    const err = casebookRefusal(() => resolveConflict(study, 'c1', 'both'));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe(
      'Keeping both would give "Key results" 13 entries, more than the 12 it holds: keep yours or take theirs, and add the rest by hand.',
    );
    const fits = withConflict(fieldConflict('c1', 'metrics', mine, theirs.slice(0, 4)), { metrics: mine });
    expect(resolveConflict(fits, 'c1', 'both').change.metrics).toHaveLength(12);

    const tags = Array.from({ length: 99 }, (_, i) => `tag ${i}`);
    const full = withConflict(fieldConflict('c1', 'tags', tags, ['TAG 1', 'new']), { tags });
    expect(resolveConflict(full, 'c1', 'both').change.tags).toEqual([...tags, 'new']);
    const over = withConflict(fieldConflict('c1', 'tags', tags, ['new', 'newer']), { tags });
    expect(casebookRefusal(() => resolveConflict(over, 'c1', 'both')).message).toMatch(
      /^Keeping both would give "Tags" 101 entries, more than the 100 /,
    );
  });

  it('Keep both of a one-value field keeps mine and asks for a conflict copy holding theirs', () => {
    const study = withConflict(fieldConflict('c1', 'slug', 'merge-me', 'their-address'));
    expect(resolveConflict(study, 'c1', 'both')).toEqual({
      change: { conflicts: [other] },
      conflictCopy: { slug: 'their-address' },
    });
    const status = withConflict(fieldConflict('c1', 'status', 'draft', 'published'));
    expect(resolveConflict(status, 'c1', 'both').conflictCopy).toEqual({ status: 'published' });
  });

  it('a field Casebook does not know, or may not change, or an item of a field: only Keep mine', () => {
    for (const [conflict, named] of [
      [fieldConflict('c1', 'toString', 'a', 'b'), 'toString'],
      [fieldConflict('c1', 'updatedAt', at, '2026-03-02T10:00:00.000Z'), 'updatedAt'],
      [fieldConflict('c1', 'flavour\u202e\u001b[2J', 'a', 'b'), 'flavour [2J'], // printed safely
      [fieldConflict('c1', 'tags', 'a', 'b', 'infra'), 'Tags'],
    ] as const) {
      const study = withConflict(conflict);
      expect(resolveConflict(study, 'c1', 'mine')).toEqual({ change: { conflicts: [other] }, conflictCopy: null });
      for (const choice of ['theirs', 'both'] as const) {
        const err = casebookRefusal(() => resolveConflict(study, 'c1', choice));
        expect(err.code).toBe('invalid_input');
        expect(err.message).toBe(`"${named}" is not a field this Casebook can change; keep yours.`);
      }
    }
  });

  it('a conflict that is gone is not_found, and says it may have been resolved', () => {
    const err = casebookRefusal(() =>
      resolveConflict(withConflict(fieldConflict('c1', 'title', 'a', 'b')), 'c2', 'mine'),
    );
    expect(err.code).toBe('not_found');
    expect(err.message).toBe('That conflict is no longer in the study (it may have been resolved already).');
  });
});

const nestedObject = (depth: number): unknown => (depth === 0 ? 'leaf' : { next: nestedObject(depth - 1) });
const nestedQuotes = (depth: number): unknown =>
  depth === 0 ? { type: 'paragraph' } : { type: 'blockquote', content: [nestedQuotes(depth - 1)] };

describe('resolveConflict on a block', () => {
  const their = (text: string) => para('ignored', text);
  const problemOf = (study: Study, choice: 'mine' | 'theirs' | 'both', id = 'c1') => {
    const { change, conflictCopy } = resolveConflict(study, id, choice);
    expect(change.conflicts).toEqual([other]);
    expect(conflictCopy).toBeNull();
    return change.problem;
  };
  const ids = (section: { content?: Array<{ attrs?: Record<string, unknown> }> } | undefined) =>
    (section?.content ?? []).map((node) => node.attrs?.id);

  it('Keep mine leaves the section untouched', () => {
    expect(problemOf(withConflict(blockConflict('c1', 'b', their('Theirs'))), 'mine')).toBeUndefined();
  });

  it('Take theirs replaces mine in place, keeping the block’s id', () => {
    const problem = problemOf(withConflict(blockConflict('c1', 'b', their('Bravo by them'))), 'theirs');
    expect(texts(problem!)).toEqual(['Alpha', 'Bravo by them', 'Charlie', 'Delta']);
    expect(ids(problem)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('Take theirs of a block I removed puts it back at the end, under its id', () => {
    const problem = problemOf(withConflict(blockConflict('c1', 'gone', their('Echo'))), 'theirs');
    expect(texts(problem!)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    expect(ids(problem)).toEqual(['a', 'b', 'c', 'd', 'gone']);
  });

  it('Take theirs of a block they removed removes mine; nothing happens when both removed it', () => {
    expect(texts(problemOf(withConflict(blockConflict('c1', 'c', null)), 'theirs')!)).toEqual([
      'Alpha',
      'Bravo',
      'Delta',
    ]);
    expect(texts(problemOf(withConflict(blockConflict('c1', 'gone', null)), 'theirs')!)).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Delta',
    ]);
  });

  it('removing a section’s only block leaves one empty paragraph with an id', () => {
    const study = withConflict(blockConflict('c1', 'a', null), { problem: doc(para('a', 'Alone')) });
    const problem = problemOf(study, 'theirs')!;
    expect(problem.content).toHaveLength(1);
    expect(problem.content![0]!.type).toBe('paragraph');
    expect(problem.content![0]!.content).toBeUndefined();
    expect(problem.content![0]!.attrs?.id).toMatch(/^[\w-]{6,}$/);
  });

  it('Keep both puts theirs right after mine under a new id, or at the end when mine is gone', () => {
    const after = problemOf(withConflict(blockConflict('c1', 'b', their('Bravo by them'))), 'both')!;
    expect(texts(after)).toEqual(['Alpha', 'Bravo', 'Bravo by them', 'Charlie', 'Delta']);
    const fresh = ids(after)[2];
    expect(fresh).toEqual(expect.any(String));
    expect(['a', 'b', 'c', 'd', 'ignored']).not.toContain(fresh);

    const atEnd = problemOf(withConflict(blockConflict('c1', 'gone', their('Echo'))), 'both')!;
    expect(texts(atEnd)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
  });

  it('Keep both when they removed the block keeps mine as it is', () => {
    expect(texts(problemOf(withConflict(blockConflict('c1', 'b', null)), 'both')!)).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Delta',
    ]);
  });

  it('refuses a recorded block that is not a block, for Take theirs and Keep both', () => {
    const refused = [
      'text',
      42,
      ['paragraph'],
      { text: 'no type' },
      { type: 7 },
      { type: 'doc', content: [] }, // a whole document is no block
      { type: 'text', text: 'a bare run' },
      { type: 'paragraph', marks: 5 },
      { type: 'paragraph', content: [null] },
      { type: 'paragraph', attrs: 'x' },
      // Past a section's bounds, which the save would refuse as a failed write.
      { type: 'paragraph', attrs: { id: 'b', deep: nestedObject(12) } },
      nestedQuotes(110),
    ];
    for (const theirs of refused) {
      for (const choice of ['theirs', 'both'] as const) {
        const err = casebookRefusal(() =>
          resolveConflict(withConflict(blockConflict('c1', 'b', theirs)), 'c1', choice),
        );
        expect(err.code).toBe('invalid_input');
        expect(err.message).toBe('Their block is not valid any more; keep yours instead.');
      }
      expect(resolveConflict(withConflict(blockConflict('c1', 'b', theirs)), 'c1', 'mine').change).toEqual({
        conflicts: [other],
      });
    }
  });

  it('changes only the record’s section, and the study it was given not at all', () => {
    const study = withConflict(blockConflict('c1', 'b', their('Bravo by them')));
    const before = structuredClone(study);
    const { change } = resolveConflict(study, 'c1', 'both');
    expect(Object.keys(change).sort()).toEqual(['conflicts', 'problem']);
    expect(study).toEqual(before);
  });
});

describe('resolveConflict on a section’s first block', () => {
  it('Take theirs replaces it in place, Keep both puts theirs second, removing it leaves the rest', () => {
    const replaced = resolveConflict(
      withConflict(blockConflict('c1', 'a', para('x', 'Alpha by them'))),
      'c1',
      'theirs',
    );
    expect(texts(replaced.change.problem!)).toEqual(['Alpha by them', 'Bravo', 'Charlie', 'Delta']);
    const both = resolveConflict(withConflict(blockConflict('c1', 'a', para('x', 'Alpha by them'))), 'c1', 'both');
    expect(texts(both.change.problem!)).toEqual(['Alpha', 'Alpha by them', 'Bravo', 'Charlie', 'Delta']);
    const removed = resolveConflict(withConflict(blockConflict('c1', 'a', null)), 'c1', 'theirs');
    expect(texts(removed.change.problem!)).toEqual(['Bravo', 'Charlie', 'Delta']);
  });
});
