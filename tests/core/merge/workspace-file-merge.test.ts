// Site settings, templates, older files, deleted-vs-edited, and sides that are not what they
// claim (any bytes a repository can hold): never thrown away, never a conflict marker.
import { describe, expect, it } from 'vitest';
import { mergeDeletedFile, mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { serializeJson } from '../../../src/core/pure/json-text';
import { workspaceFileSchema } from '../../../src/core/pure/schemas/site';
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { baseStudy, doc, fileOf, para, parseStudy, texts } from './merge-fixtures';
import { siteFile } from '../../helpers/settings-files';

const FILE = 'studies/merge-me.json';

describe('merging casebook.json', () => {
  it('keeps one side’s title and the other side’s tagline', () => {
    const result = mergeWorkspaceFile(
      'casebook.json',
      siteFile({}),
      siteFile({ title: 'Our blog' }),
      siteFile({ tagline: 'Their tagline' }),
    );
    expect(result.conflicts).toBe(0);
    expect(JSON.parse(result.text).site).toMatchObject({ title: 'Our blog', tagline: 'Their tagline' });
    expect(result.text).toBe(serializeJson(workspaceFileSchema, JSON.parse(result.text)));
  });

  it('keeps ours and counts a conflict when both changed the title', () => {
    const result = mergeWorkspaceFile(
      'casebook.json',
      siteFile({}),
      siteFile({ title: 'Ours' }),
      siteFile({ title: 'Theirs' }),
    );
    expect(result.conflicts).toBe(1);
    expect(JSON.parse(result.text).site.title).toBe('Ours');
  });
});

describe('merging a template', () => {
  const template = (patch: object) => `${JSON.stringify({ name: 'Incident', tags: ['ops'], ...patch }, null, 2)}\n`;
  it('merges its keys independently and keeps the author’s keys as written', () => {
    const result = mergeWorkspaceFile(
      'templates/incident.json',
      template({}),
      template({ description: 'For outages' }),
      template({ sections: { problem: '## What broke' } }),
    );
    expect(result.conflicts).toBe(0);
    expect(JSON.parse(result.text)).toEqual({
      name: 'Incident',
      tags: ['ops'],
      description: 'For outages',
      sections: { problem: '## What broke' },
    });
  });
});

describe('a side that is not a study', () => {
  const base = baseStudy();
  const ours = fileOf({ ...base, title: 'Ours' });
  const cases: [string, string][] = [
    ['not JSON', '<<<<<<< HEAD\n{"a":1}\n=======\n'],
    ['JSON but no study', '[1,2,3]'],
    ['a study of another id', fileOf({ ...base, id: 'someone-else', title: 'Theirs' })],
    [
      'from a newer Casebook',
      fileOf(base).replace(`"schemaVersion": ${STUDY_FORMAT}`, `"schemaVersion": ${STUDY_FORMAT + 1}`),
    ],
    ['nested past any limit', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['binary bytes', '\u0000\u0001\uFFFD\u0002'],
  ];
  for (const [what, theirs] of cases) {
    it(`keeps ours byte for byte and reports a conflict when theirs is ${what}`, () => {
      expect(mergeWorkspaceFile(FILE, fileOf(base), ours, theirs)).toEqual({
        text: ours,
        conflicts: 1,
        recorded: false,
      });
    });
  }

  it('keeps ours untouched when ours itself does not parse', () => {
    expect(mergeWorkspaceFile(FILE, fileOf(base), 'garbage', fileOf({ ...base, title: 'T' }))).toEqual({
      text: 'garbage',
      conflicts: 1,
      recorded: false,
    });
  });

  it('merges as if added on both sides when the base does not parse', () => {
    const result = mergeWorkspaceFile(
      FILE,
      'garbage',
      fileOf({ ...base, title: 'Ours' }),
      fileOf({ ...base, summary: 'Theirs' }),
    );
    const study = parseStudy(result.text);
    expect(study.title).toBe('Ours');
    // Without a base, a field that differs cannot be told apart from an edit on both sides.
    expect(study.conflicts.map((c) => c.where)).toEqual([
      { kind: 'field', field: 'title' },
      { kind: 'field', field: 'summary' },
    ]);
    expect(study.conflicts.map((c) => c.theirs)).toEqual(['Base title', 'Theirs']);
  });

  it('keeps ours when a merged list would break a limit', () => {
    const many = (prefix: string) => Array.from({ length: 60 }, (_, i) => `${prefix}${i}`);
    const result = mergeWorkspaceFile(
      FILE,
      fileOf(base),
      fileOf({ ...base, tags: many('a') }),
      fileOf({ ...base, tags: many('b') }),
    );
    expect(result.conflicts).toBe(1);
    expect(parseStudy(result.text).tags).toEqual(many('a'));
  });
});

describe('sides written by an older Casebook', () => {
  it('matches their blocks to the base by content, so an insert above does not shift edits', () => {
    const old = (problem: ReturnType<typeof doc>) => {
      const { conflicts: _c, conflictCount: _n, ...rest } = baseStudy({ problem });
      const blocks = problem.content.map(({ attrs: _a, ...node }) => node);
      return `${JSON.stringify({ ...rest, schemaVersion: 4, problem: { type: 'doc', content: blocks } }, null, 2)}\n`;
    };
    const base = old(doc(para('a', 'Alpha'), para('b', 'Bravo'), para('c', 'Charlie')));
    const theirs = old(
      doc(para('z', 'Zulu, new at the top'), para('a', 'Alpha'), para('b', 'Bravo'), para('c', 'Charlie')),
    );
    // Ours was opened and saved by this Casebook: format 5, ids made from the base's positions.
    const upgraded = parseStudy(base);
    const ours = fileOf({
      ...upgraded,
      problem: {
        ...upgraded.problem,
        content: upgraded.problem.content!.map((node, i) =>
          i === 1 ? { ...node, content: [{ type: 'text', text: 'Bravo, edited' }] } : node,
        ),
      },
    });
    const result = mergeWorkspaceFile(FILE, base, ours, theirs);
    expect(result.conflicts).toBe(0);
    expect(texts(parseStudy(result.text).problem)).toEqual([
      'Zulu, new at the top',
      'Alpha',
      'Bravo, edited',
      'Charlie',
    ]);
  });
});

describe('a study deleted on one side', () => {
  const base = fileOf(baseStudy());
  const edited = fileOf(baseStudy({ title: 'Edited' }));
  it('keeps the edit when the other side deleted it', () => {
    expect(mergeDeletedFile(base, null, edited)).toBe(edited);
    expect(mergeDeletedFile(base, edited, null)).toBe(edited);
  });
  it('stays deleted when the other side left it as it was', () => {
    expect(mergeDeletedFile(base, null, base)).toBeNull();
    expect(mergeDeletedFile(base, base, null)).toBeNull();
  });
});

describe('files Casebook does not merge by meaning', () => {
  it('keeps ours and reports a conflict', () => {
    expect(mergeWorkspaceFile('assets/notes.txt', 'a', 'b', 'c')).toEqual({ text: 'b', conflicts: 1, recorded: false });
  });
});
