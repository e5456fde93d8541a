// What a merge of one workspace file gives back before and around merging by meaning: a side
// left as it was yields the other's bytes, a base that is not this file's counts as none, a
// result past a limit keeps ours whole, and a deletion only wins over a version left alone.
import { describe, expect, it } from 'vitest';
import { mergeDeletedFile, mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { baseStudy, doc, fileOf, para, parseStudy, texts } from './merge-fixtures';
import { siteFile } from '../../helpers/settings-files';

const FILE = 'studies/merge-me.json';
const clean = { conflicts: 0, recorded: true };
const template = (patch: object) => `${JSON.stringify({ name: 'Incident', tags: ['ops'], ...patch }, null, 2)}\n`;

describe('a side left as it was', () => {
  it('gives the other side’s bytes, for any file, whichever side changed', () => {
    expect(mergeWorkspaceFile('assets/notes.txt', 'base', 'base', 'theirs')).toEqual({ text: 'theirs', ...clean });
    expect(mergeWorkspaceFile('assets/notes.txt', 'base', 'ours', 'base')).toEqual({ text: 'ours', ...clean });
    expect(mergeWorkspaceFile('assets/notes.txt', null, 'same', 'same')).toEqual({ text: 'same', ...clean });
  });

  it('keeps a study’s bytes as they were when only the other side’s copy is unchanged', () => {
    // Not re-serialised: a hand-edited file that is still a study stays exactly as written.
    const ours = fileOf(baseStudy({ title: 'Ours' })).replace(/\n\s*/g, '');
    expect(mergeWorkspaceFile(FILE, fileOf(baseStudy()), ours, fileOf(baseStudy()))).toEqual({ text: ours, ...clean });
  });

  it('keeps ours as written when both sides hold the same settings written differently', () => {
    const ours = JSON.stringify({ name: 'Incident', tags: ['ops', 'sre'] });
    const theirs = template({ tags: ['ops', 'sre'] });
    expect(mergeWorkspaceFile('templates/incident.json', template({}), ours, theirs)).toEqual({ text: ours, ...clean });
  });
});

describe('a base that is not this file’s', () => {
  it('merges as if added on both sides when the base is another study, or from a newer Casebook', () => {
    const base = baseStudy();
    const ours = fileOf({ ...base, title: 'Ours' });
    const theirs = fileOf(base);
    const otherBase = fileOf({ ...base, id: 'someone-else' });
    const newerBase = fileOf(base).replace(`"schemaVersion": ${STUDY_FORMAT}`, `"schemaVersion": ${STUDY_FORMAT + 1}`);
    for (const b of [otherBase, newerBase]) {
      const result = mergeWorkspaceFile(FILE, b, ours, theirs);
      expect(result).toMatchObject({ conflicts: 1, recorded: true });
      expect(parseStudy(result.text).conflicts[0]).toMatchObject({ mine: 'Ours', theirs: 'Base title' });
    }
  });
});

describe('sides written by this Casebook', () => {
  it('keeps a paragraph one side moved and the other edited once, edited, where it was moved', () => {
    const base = baseStudy();
    const moved = {
      ...base,
      problem: doc(para('b', 'Bravo'), para('c', 'Charlie'), para('a', 'Alpha'), para('d', 'Delta')),
    };
    const edited = {
      ...base,
      problem: doc(para('a', 'Alpha, edited'), para('b', 'Bravo'), para('c', 'Charlie'), para('d', 'Delta')),
    };
    const result = mergeWorkspaceFile(FILE, fileOf(base), fileOf(moved), fileOf(edited));
    expect(result).toMatchObject(clean);
    expect(texts(parseStudy(result.text).problem)).toEqual(['Bravo', 'Charlie', 'Alpha, edited', 'Delta']);
  });
});

describe('a merged file past a limit', () => {
  it('keeps our casebook.json whole when the categories together pass the 100 a site holds', () => {
    const many = (prefix: string) => Array.from({ length: 60 }, (_, i) => `${prefix}${i}`);
    const ours = siteFile({ categories: many('a') });
    expect(
      mergeWorkspaceFile('casebook.json', siteFile({ categories: [] }), ours, siteFile({ categories: many('b') })),
    ).toEqual({
      text: ours,
      conflicts: 1,
      recorded: false,
    });
  });

  it('keeps our template whole when the tags together pass the 20 a template holds', () => {
    const many = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${i}`);
    const ours = template({ tags: many('a') });
    expect(mergeWorkspaceFile('templates/incident.json', template({}), ours, template({ tags: many('b') }))).toEqual({
      text: ours,
      conflicts: 1,
      recorded: false,
    });
  });
});

describe('a template merged cleanly', () => {
  it('is written as an author writes one: two-space indents and a final newline', () => {
    const result = mergeWorkspaceFile(
      'templates/incident.json',
      template({}),
      template({ description: 'For outages' }),
      template({ tags: ['ops', 'sre'] }),
    );
    expect(result).toEqual({ text: template({ tags: ['ops', 'sre'], description: 'For outages' }), ...clean });
  });
});

describe('a file deleted on one side or both', () => {
  const base = fileOf(baseStudy());
  it('stays deleted when both deleted it', () => {
    expect(mergeDeletedFile(base, null, null)).toBeNull();
  });
  it('keeps a file the other side added where there was none before', () => {
    expect(mergeDeletedFile(null, null, base)).toBe(base);
    expect(mergeDeletedFile(null, base, null)).toBe(base);
  });
  it('refuses to decide for a file neither side deleted', () => {
    expect(() => mergeDeletedFile(base, base, base)).toThrow(/neither side deleted/);
  });
});
