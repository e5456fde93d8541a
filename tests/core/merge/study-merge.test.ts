// The three-way merge of study files by meaning: fields and blocks merge independently, and
// what both sides changed differently is kept for the author (ours in place, theirs recorded).
import { describe, expect, it } from 'vitest';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { conflictSchema } from '../../../src/core/pure/merge/conflict-schema';
import type { Study } from '../../../src/core/pure/schemas/study';
import { baseStudy, doc, fileOf, later, para, parseStudy, texts } from './merge-fixtures';

const FILE = 'studies/merge-me.json';

function merge(base: Study, ours: Study, theirs: Study) {
  const result = mergeWorkspaceFile(FILE, fileOf(base), fileOf(ours), fileOf(theirs), {
    now: new Date('2026-11-30T12:00:00.000Z'),
    theirsAuthor: 'Bea <bea@example.com>',
  });
  return { ...result, study: parseStudy(result.text) };
}

describe('merging a study by field', () => {
  it('keeps one side’s title and the other side’s tags', () => {
    const base = baseStudy();
    const ours = { ...base, title: 'Our title', updatedAt: later(base, 1) };
    const theirs = { ...base, tags: ['infra', 'db', 'latency'], updatedAt: later(base, 2) };
    const { study, conflicts } = merge(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(study.title).toBe('Our title');
    expect(study.tags).toEqual(['infra', 'db', 'latency']);
    expect(study.conflicts).toEqual([]);
  });

  it('merges tag lists as sets: one adds, the other removes', () => {
    const base = baseStudy();
    const ours = { ...base, tags: ['infra', 'db', 'cache'] };
    const theirs = { ...base, tags: ['infra'] };
    expect(merge(base, ours, theirs).study.tags).toEqual(['infra', 'cache']);
  });

  it('records the same field changed differently: ours kept, theirs in the conflict list', () => {
    const base = baseStudy();
    const ours = { ...base, title: 'Ours', updatedAt: later(base, 1) };
    const theirs = { ...base, title: 'Theirs', updatedAt: later(base, 2) };
    const { study, conflicts } = merge(base, ours, theirs);
    expect(conflicts).toBe(1);
    expect(study.title).toBe('Ours');
    expect(study.conflictCount).toBe(1);
    expect(study.conflicts).toHaveLength(1);
    const [conflict] = study.conflicts;
    expect(conflictSchema.parse(conflict)).toMatchObject({
      where: { kind: 'field', field: 'title' },
      mine: 'Ours',
      theirs: 'Theirs',
      theirsAuthor: 'Bea <bea@example.com>',
      at: '2026-11-30T12:00:00.000Z',
    });
  });

  it('takes the later updatedAt, a millisecond past it when the merge made a new version', () => {
    const base = baseStudy();
    const ours = { ...base, title: 'Ours', updatedAt: later(base, 5) };
    const theirs = { ...base, summary: 'Theirs', updatedAt: later(base, 2) };
    const { study } = merge(base, ours, theirs);
    expect(Date.parse(study.updatedAt)).toBe(Date.parse(ours.updatedAt) + 1);
    const onlyTheirs = merge(base, base, theirs).study;
    expect(onlyTheirs.updatedAt).toBe(theirs.updatedAt);
  });

  it('writes the file exactly as the store does (pretty-printed, schema order, final newline)', () => {
    const base = baseStudy();
    const result = mergeWorkspaceFile(
      FILE,
      fileOf(base),
      fileOf({ ...base, title: 'A' }),
      fileOf({ ...base, summary: 'B' }),
    );
    expect(result.text).toBe(fileOf(parseStudy(result.text)));
    expect(result.text).toMatch(/^\{\n {2}"schemaVersion": \d+,\n/);
    expect(result.text).not.toMatch(/^(<<<<<<<|>>>>>>>|=======)/m);
  });
});

describe('merging a section by block', () => {
  it('keeps edits to different paragraphs of one section', () => {
    const base = baseStudy();
    const ours = {
      ...base,
      problem: doc(para('a', 'Alpha (ours)'), para('b', 'Bravo'), para('c', 'Charlie'), para('d', 'Delta')),
    };
    const theirs = {
      ...base,
      problem: doc(para('a', 'Alpha'), para('b', 'Bravo'), para('c', 'Charlie (theirs)'), para('d', 'Delta')),
    };
    const { study, conflicts } = merge(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(texts(study.problem)).toEqual(['Alpha (ours)', 'Bravo', 'Charlie (theirs)', 'Delta']);
  });

  it('keeps inserts made in different places, each where it was made', () => {
    const base = baseStudy();
    const ours = {
      ...base,
      problem: doc(
        para('a', 'Alpha'),
        para('n1', 'New after A'),
        para('b', 'Bravo'),
        para('c', 'Charlie'),
        para('d', 'Delta'),
      ),
    };
    const theirs = {
      ...base,
      problem: doc(
        para('a', 'Alpha'),
        para('b', 'Bravo'),
        para('c', 'Charlie'),
        para('n2', 'New after C'),
        para('d', 'Delta'),
      ),
    };
    const { study, conflicts } = merge(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(texts(study.problem)).toEqual(['Alpha', 'New after A', 'Bravo', 'Charlie', 'New after C', 'Delta']);
  });

  it('keeps both inserts made at the same place, ours first', () => {
    const base = baseStudy();
    const ours = {
      ...base,
      problem: doc(
        para('a', 'Alpha'),
        para('n1', 'Ours new'),
        para('b', 'Bravo'),
        para('c', 'Charlie'),
        para('d', 'Delta'),
      ),
    };
    const theirs = {
      ...base,
      problem: doc(
        para('a', 'Alpha'),
        para('n2', 'Theirs new'),
        para('b', 'Bravo'),
        para('c', 'Charlie'),
        para('d', 'Delta'),
      ),
    };
    expect(texts(merge(base, ours, theirs).study.problem)).toEqual([
      'Alpha',
      'Ours new',
      'Theirs new',
      'Bravo',
      'Charlie',
      'Delta',
    ]);
  });

  it('applies deletes from both sides', () => {
    const base = baseStudy();
    const ours = { ...base, problem: doc(para('a', 'Alpha'), para('c', 'Charlie'), para('d', 'Delta')) };
    const theirs = { ...base, problem: doc(para('a', 'Alpha'), para('b', 'Bravo'), para('c', 'Charlie')) };
    expect(texts(merge(base, ours, theirs).study.problem)).toEqual(['Alpha', 'Charlie']);
  });

  it('keeps a paragraph one side deleted and the other edited, in its place', () => {
    const base = baseStudy();
    const ours = { ...base, problem: doc(para('a', 'Alpha'), para('c', 'Charlie'), para('d', 'Delta')) };
    const theirs = {
      ...base,
      problem: doc(para('a', 'Alpha'), para('b', 'Bravo, edited'), para('c', 'Charlie'), para('d', 'Delta')),
    };
    const { study, conflicts } = merge(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(texts(study.problem)).toEqual(['Alpha', 'Bravo, edited', 'Charlie', 'Delta']);
  });

  it('records the same paragraph changed differently, losing neither text', () => {
    const base = baseStudy();
    const ours = {
      ...base,
      problem: doc(para('a', 'Alpha'), para('b', 'Bravo by us'), para('c', 'Charlie'), para('d', 'Delta')),
    };
    const theirs = {
      ...base,
      problem: doc(para('a', 'Alpha'), para('b', 'Bravo by them'), para('c', 'Charlie'), para('d', 'Delta')),
    };
    const { study, conflicts, text } = merge(base, ours, theirs);
    expect(conflicts).toBe(1);
    expect(texts(study.problem)).toEqual(['Alpha', 'Bravo by us', 'Charlie', 'Delta']);
    expect(study.conflicts[0]).toMatchObject({
      where: { kind: 'block', section: 'problem', block: 'b' },
      mine: para('b', 'Bravo by us'),
      theirs: para('b', 'Bravo by them'),
    });
    expect(text).toContain('Bravo by them');
  });

  it('gives the same result merged twice, and keeps a conflict recorded once', () => {
    const base = baseStudy();
    const ours = { ...base, title: 'Ours' };
    const theirs = { ...base, title: 'Theirs' };
    const once = mergeWorkspaceFile(FILE, fileOf(base), fileOf(ours), fileOf(theirs), { now: new Date(0) });
    const again = mergeWorkspaceFile(FILE, fileOf(base), once.text, fileOf(theirs), { now: new Date(0) });
    expect(parseStudy(again.text).conflicts).toHaveLength(1);
  });

  it('drops a conflict one side resolved', () => {
    const base = baseStudy();
    const recorded = parseStudy(merge(base, { ...base, title: 'Ours' }, { ...base, title: 'Theirs' }).text);
    const resolvedHere = { ...recorded, conflicts: [], conflictCount: 0 };
    const editedThere = { ...recorded, summary: 'A new summary' };
    const { study } = merge(recorded, resolvedHere, editedThere);
    expect(study.conflicts).toEqual([]);
    expect(study.summary).toBe('A new summary');
  });
});
