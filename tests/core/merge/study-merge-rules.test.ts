// The rule each study field merges by (study-fields.ts `merge`), seen in the merged study: when it
// was made and last edited, lists of names as sets, conflict lists from both machines united,
// and each recorded conflict saying who made their side and when.
import { describe, expect, it } from 'vitest';
import { alignedWith, mergeStudies } from '../../../src/core/pure/merge/study-merge';
import type { Study } from '../../../src/core/pure/schemas/study';
import { baseStudy, doc, later, para, texts } from './merge-fixtures';

const now = new Date('2026-11-30T12:00:00.000Z');
const at = (study: Study, minutes: number) => ({ ...study, updatedAt: later(study, minutes) });

describe('a study’s times after a merge', () => {
  it('keeps the earlier creation time, whichever side holds it', () => {
    const base = baseStudy();
    const early = { ...base, createdAt: '2024-01-01T00:00:00.000Z', title: 'Early' };
    const late = { ...base, createdAt: '2025-06-01T00:00:00.000Z', summary: 'Late' };
    expect(mergeStudies(base, early, late, { now }).study.createdAt).toBe('2024-01-01T00:00:00.000Z');
    expect(mergeStudies(base, late, early, { now }).study.createdAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('keeps the later edit time when the merge is one side’s version, whichever side is newer', () => {
    const base = baseStudy();
    const edited = at({ ...base, title: 'Edited' }, 3);
    expect(mergeStudies(base, edited, at(base, 1), { now }).study.updatedAt).toBe(edited.updatedAt);
    expect(mergeStudies(base, at(base, 1), edited, { now }).study.updatedAt).toBe(edited.updatedAt);
  });

  it('moves the edit time a millisecond past the newer side when the merge made a new version', () => {
    const base = baseStudy();
    const ours = at({ ...base, title: 'Ours' }, 1);
    const theirs = at({ ...base, summary: 'Theirs' }, 4);
    const merged = mergeStudies(base, ours, theirs, { now }).study;
    expect(Date.parse(merged.updatedAt)).toBe(Date.parse(theirs.updatedAt) + 1);
    expect(merged).toMatchObject({ title: 'Ours', summary: 'Theirs' });
  });
});

describe('lists of names', () => {
  it('merges categories and authors as sets: one side adds, the other removes', () => {
    const base = baseStudy({ categories: ['Ops', 'Perf'], authors: ['Ann', 'Bo'] });
    const ours = { ...base, categories: ['Ops', 'Perf', 'Cost'], authors: ['Ann'] };
    const theirs = { ...base, categories: ['Perf'], authors: ['Ann', 'Bo', 'Cy'] };
    const { study, conflicts } = mergeStudies(base, ours, theirs, { now });
    expect(conflicts).toBe(0);
    expect(study.categories).toEqual(['Perf', 'Cost']);
    expect(study.authors).toEqual(['Ann', 'Cy']);
  });
});

describe('the conflict list', () => {
  it('unites the records each machine kept, counts them, and records no conflict about the list itself', () => {
    const base = baseStudy();
    const first = mergeStudies(base, { ...base, title: 'O1' }, { ...base, title: 'T1' }, { now }).study;
    const second = mergeStudies(
      base,
      { ...base, summary: 'O2', lessons: doc(para('l', 'Measure twice')) },
      { ...base, summary: 'T2', lessons: doc(para('l', 'Never measure')) },
      { now },
    ).study;
    // One machine holds one record, the other two: the lists differ, yet nothing about them clashes.
    const { study, conflicts } = mergeStudies(base, first, second, { now });
    expect(conflicts).toBe(0);
    expect(study).toMatchObject({ title: 'O1', summary: 'O2', conflictCount: 3 });
    expect(texts(study.lessons)).toEqual(['Measure twice']);
    expect(study.conflicts.map((c) => [c.where, c.mine, c.theirs])).toEqual([
      [{ kind: 'field', field: 'title' }, 'O1', 'T1'],
      [{ kind: 'field', field: 'summary' }, 'O2', 'T2'],
      [{ kind: 'block', section: 'lessons', block: 'l' }, para('l', 'Measure twice'), para('l', 'Never measure')],
    ]);
  });

  it('records a paragraph both changed with who made theirs and when the merge happened', () => {
    const base = baseStudy();
    const ours = { ...base, decisions: doc(para('x', 'Chose MySQL')) };
    const theirs = { ...base, decisions: doc(para('x', 'Chose SQLite')) };
    const { study } = mergeStudies(base, ours, theirs, { now, theirsAuthor: 'Bea <bea@example.com>' });
    expect(texts(study.decisions)).toEqual(['Chose MySQL']);
    expect(study.conflicts).toEqual([
      expect.objectContaining({
        where: { kind: 'block', section: 'decisions', block: 'x' },
        theirs: para('x', 'Chose SQLite'),
        theirsAuthor: 'Bea <bea@example.com>',
        at: now.toISOString(),
      }),
    ]);
  });

  it('cuts an overlong author to the 200 characters a record holds, and dates a merge given no time now', () => {
    const base = baseStudy();
    const before = Date.now();
    const { study } = mergeStudies(
      base,
      { ...base, title: 'O' },
      { ...base, title: 'T' },
      {
        theirsAuthor: 'B'.repeat(300),
      },
    );
    const [conflict] = study.conflicts;
    expect(conflict!.theirsAuthor).toBe('B'.repeat(200));
    expect(Date.parse(conflict!.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(conflict!.at)).toBeLessThanOrEqual(Date.now());
  });

  it('names no author when none is known', () => {
    const base = baseStudy();
    const { study } = mergeStudies(base, { ...base, title: 'O' }, { ...base, title: 'T' }, { now, theirsAuthor: '' });
    expect(study.conflicts[0]).not.toHaveProperty('theirsAuthor');
  });
});

describe('a study added on both sides', () => {
  it('keeps what both wrote the same without a conflict and records each field that differs', () => {
    const ours = baseStudy({ title: 'Ours' });
    const theirs = baseStudy({ title: 'Theirs', tags: ['infra', 'db', 'ops'] });
    const { study, conflicts } = mergeStudies(null, ours, theirs, { now });
    expect(study.title).toBe('Ours');
    expect(study.tags).toEqual(['infra', 'db', 'ops']);
    expect(texts(study.problem)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    expect(conflicts).toBe(1);
  });
});

describe('a side read from an older file', () => {
  it('is left as it is when there is no base to match its blocks to', () => {
    const side = baseStudy();
    expect(alignedWith(null, side)).toBe(side);
  });

  it('takes the base’s ids for its blocks in every section', () => {
    const base = baseStudy();
    const older = baseStudy({
      problem: doc(para('p0', 'Alpha'), para('p1', 'Bravo')),
      lessons: doc(para('p0', 'New lesson'), para('p1', 'Measure first')),
    });
    const aligned = alignedWith(base, older);
    expect(aligned.problem.content!.map((n) => n.attrs?.id)).toEqual(['a', 'b']);
    expect(aligned.lessons.content![1]!.attrs?.id).toBe('l');
  });
});
