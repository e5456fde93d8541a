// The small rules a sync follows for every file: which files merge by meaning, which side a
// file both sides changed keeps (an edit is never lost to a deletion), and what every study
// written holds (an id on each block, a conflict count equal to its list).
import { describe, expect, it } from 'vitest';
import { mergesByMeaning, whenBothChanged } from '../../../src/core/pure/merge/both-changed';
import { studyToWrite } from '../../../src/core/pure/merge/study-on-write';
import { workspaceFileKind } from '../../../src/core/pure/merge/workspace-file-kind';
import { blockIdOf, seededBlockId } from '../../../src/core/pure/rich-text/block-ids';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { sampleStudy } from '../../helpers/study-files';
import { baseStudy, doc, para } from './merge-fixtures';

describe('which workspace files merge by meaning', () => {
  it('knows the site settings, a study and a template, only at their own places', () => {
    expect(workspaceFileKind('casebook.json')).toBe('site');
    expect(workspaceFileKind('studies/cache-rollout.json')).toBe('study');
    expect(workspaceFileKind('templates/postmortem.json')).toBe('template');
    for (const other of [
      'assets/casebook.json',
      'site/casebook.json',
      'old/studies/cache-rollout.json',
      'studies/nested/cache-rollout.json',
      'studies/cache-rollout.json.bak',
      'studies/cache-rollout.md',
      'studies/.json/x.png',
      'xtemplates/postmortem.json',
      'templates/postmortem.json~',
      'templates/nested/postmortem.json',
      'assets/diagram.png',
    ])
      expect(workspaceFileKind(other), other).toBeNull();
  });
});

describe('a file both sides changed', () => {
  it('keeps the edit when the other side deleted the file, whichever side that was', () => {
    expect(whenBothChanged('studies/a.json', false, true)).toBe('theirs');
    expect(whenBothChanged('studies/a.json', true, false)).toBe('ours');
    expect(whenBothChanged('assets/diagram.png', false, true)).toBe('theirs');
    expect(whenBothChanged('assets/diagram.png', true, false)).toBe('ours');
  });

  it('merges studies, site settings and templates by meaning; keeps our copy of any other file', () => {
    expect(whenBothChanged('studies/a.json', true, true)).toBe('merge');
    expect(whenBothChanged('casebook.json', true, true)).toBe('merge');
    expect(whenBothChanged('templates/t.json', true, true)).toBe('merge');
    expect(whenBothChanged('assets/diagram.png', true, true)).toBe('ours');
    expect(mergesByMeaning('studies/a.json')).toBe(true);
    expect(mergesByMeaning('assets/diagram.png')).toBe(false);
  });
});

describe('a study as it is written', () => {
  const idsOf = (section: { content?: RichTextNode[] }) => (section.content ?? []).map(blockIdOf);

  it('counts its conflicts from its list, whatever count it came with', () => {
    const study = baseStudy();
    const [conflict] = [
      {
        id: 'c1',
        at: '2026-11-30T12:00:00.000Z',
        where: { kind: 'field' as const, field: 'title' as const },
        mine: 'A',
        theirs: 'B',
      },
    ];
    expect(studyToWrite({ ...study, conflicts: [conflict!], conflictCount: 0 }).conflictCount).toBe(1);
    expect(studyToWrite({ ...study, conflicts: [], conflictCount: 3 }).conflictCount).toBe(0);
  });

  it('gives every block of every section an id, keeping the ids blocks have', () => {
    const bare = { type: 'paragraph', content: [{ type: 'text', text: 'No id yet' }] };
    const study = sampleStudy(3, {
      problem: doc(para('keep-me', 'Kept'), bare),
      decisions: doc(bare),
      tradeoffs: doc(bare),
      lessons: doc(bare),
    });
    const written = studyToWrite(study);
    expect(idsOf(written.problem)[0]).toBe('keep-me');
    for (const key of ['problem', 'decisions', 'tradeoffs', 'lessons'] as const)
      for (const id of idsOf(written[key])) expect(id, key).toMatch(/\S/);
    // Fresh ids are random: two saves of a block without one do not agree.
    expect(idsOf(studyToWrite(study).lessons)).not.toEqual(idsOf(written.lessons));
  });

  it('gives a copied block an id derived from the study, the section, its place and the id it copied', () => {
    const study = sampleStudy(4, { decisions: doc(para('a', 'x'), para('a', 'x')) });
    const ids = idsOf(studyToWrite(study).decisions);
    expect(ids).toEqual(['a', seededBlockId('study-4/decisions/1/a')]);
    expect(idsOf(studyToWrite(study).problem)).not.toContain(ids[1]);
  });
});
