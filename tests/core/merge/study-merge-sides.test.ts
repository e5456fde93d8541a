// Sides of a study merge as they come: blocks without ids (written by an import, a template or an
// older Casebook) get the same ids on both sides so their edits meet, and a merge that equals one
// side saved at the same instant as the other keeps that side's time.
import { describe, expect, it } from 'vitest';
import { mergeStudies } from '../../../src/core/pure/merge/study-merge';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { baseStudy, doc, fileOf, later, parseStudy, texts } from './merge-fixtures';

const now = new Date('2026-11-30T12:00:00.000Z');
const bare = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('blocks without ids', () => {
  it('merge edits to different paragraphs, losing none', () => {
    const base = baseStudy({ problem: doc(bare('Alpha'), bare('Bravo'), bare('Charlie')) });
    const ours = { ...base, problem: doc(bare('Alpha, ours'), bare('Bravo'), bare('Charlie')) };
    const theirs = { ...base, problem: doc(bare('Alpha'), bare('Bravo'), bare('Charlie, theirs')) };
    const result = mergeWorkspaceFile('studies/merge-me.json', fileOf(base), fileOf(ours), fileOf(theirs), { now });
    expect(result.conflicts).toBe(0);
    expect(texts(parseStudy(result.text).problem)).toEqual(['Alpha, ours', 'Bravo', 'Charlie, theirs']);
  });

  it('get ids that differ from one study to another', () => {
    const one = baseStudy({ problem: doc(bare('Same')) });
    const other = { ...one, id: 'another' };
    const idOf = (s: typeof one) =>
      mergeStudies(s, s, { ...s, title: 'T' }, { now }).study.problem.content![0]!.attrs?.id;
    expect(idOf(one)).not.toBe(idOf(other));
  });
});

describe('a merge equal to one side', () => {
  it('keeps our time when it is ours and both were saved at the same instant, and moves past it when it is theirs', () => {
    const base = baseStudy();
    const at = later(base, 5);
    const ours = { ...base, title: 'Both', summary: 'Ours too', updatedAt: at };
    const theirs = { ...base, title: 'Both', updatedAt: at };
    const { study } = mergeStudies(base, ours, theirs, { now });
    expect(study).toMatchObject({ title: 'Both', summary: 'Ours too', updatedAt: at });
    // Our window holds our version at that time: were theirs written with the same time, its
    // next save (compare-and-swap on updatedAt) would go through and drop their summary.
    const mirrored = mergeStudies(base, theirs, ours, { now }).study;
    expect(mirrored.summary).toBe('Ours too');
    expect(Date.parse(mirrored.updatedAt)).toBe(Date.parse(at) + 1);
  });
});
