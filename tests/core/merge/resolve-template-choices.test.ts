// Each choice on each template key, as plain data: text joined, lists united, a section's text or
// document, the outcome (one value), a key one side left out or removed, and values of either
// side that the key cannot hold (the file came through git, unvalidated).
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../src/core/pure/merge/conflict-schema';
import { resolveTemplateConflict } from '../../../src/core/pure/merge/resolve-template-conflict';
import { casebookRefusal } from '../../helpers/casebook-failure';
import { other, record } from './settings-records';

describe('resolveTemplateConflict', () => {
  const template = (patch: Record<string, unknown>, ...conflicts: Conflict[]) => ({
    name: 'Incident',
    outcome: 'mixed',
    sections: { problem: 'What broke?' },
    ...patch,
    conflicts: [other, ...conflicts],
  });
  const both = (patch: Record<string, unknown>, conflict: Conflict) =>
    resolveTemplateConflict(template(patch, conflict), conflict.id, 'both');

  it('Keep mine keeps the file and the other records; the list goes with its last record', () => {
    const file = template({}, record('c1', 'name', 'Theirs'));
    expect(resolveTemplateConflict(file, 'c1', 'mine')).toEqual({
      value: { ...file, conflicts: [other] },
      conflicts: [other],
      note: null,
    });
    const alone = { name: 'Incident', conflicts: [record('c1', 'name', 'Theirs')] };
    expect(resolveTemplateConflict(alone, 'c1', 'mine').value).toEqual({ name: 'Incident' });
  });

  it('is not_found for a gone record, or when the file’s list is not a list', () => {
    for (const file of [template({}), { name: 'T', conflicts: 'c1' }]) {
      const err = casebookRefusal(() => resolveTemplateConflict(file, 'c1', 'mine'));
      expect(err.code).toBe('not_found');
      expect(err.message).toBe('That conflict is no longer in the template (it may have been resolved already).');
    }
  });

  it('refuses a key templates do not have, and the conflict list itself', () => {
    for (const field of ['conflicts', 'flavour', 'constructor']) {
      const err = casebookRefusal(() =>
        resolveTemplateConflict(template({}, record('c1', field, 'x')), 'c1', 'theirs'),
      );
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe(`"${field}" is not a template key this Casebook knows; keep yours.`);
    }
  });

  it('Take theirs sets a key, or one section; refuses a value the template cannot hold, by its label', () => {
    const name = resolveTemplateConflict(template({}, record('c1', 'name', 'Outage')), 'c1', 'theirs');
    expect(name.value).toEqual({ ...template({ name: 'Outage' }), conflicts: [other] });
    const section = resolveTemplateConflict(
      template({}, record('c1', 'sections', 'Who was paged?', 'lessons')),
      'c1',
      'theirs',
    );
    expect(section.value.sections).toEqual({ problem: 'What broke?', lessons: 'Who was paged?' });
    const err = casebookRefusal(() =>
      resolveTemplateConflict(template({}, record('c1', 'sections', 42, 'problem')), 'c1', 'theirs'),
    );
    expect(err.message).toBe('Their value of "Sections: problem" is not valid any more; keep yours instead.');
  });

  it('Keep both joins the name, description and summary hint, and refuses what would be too long', () => {
    expect(both({}, record('c1', 'name', 'Outage')).value.name).toBe('Incident / Outage');
    expect(both({ description: 'Ours' }, record('c1', 'description', 'Theirs')).value.description).toBe(
      'Ours / Theirs',
    );
    expect(both({ summaryPrompt: 'Say' }, record('c1', 'summaryPrompt', 'Tell')).value.summaryPrompt).toBe(
      'Say / Tell',
    );
    expect(both({ name: 'N'.repeat(75) }, record('c1', 'name', 'Ou')).value.name).toBe(`${'N'.repeat(75)} / Ou`);
    expect(casebookRefusal(() => both({ name: 'N'.repeat(75) }, record('c1', 'name', 'Out'))).message).toMatch(
      /^Keeping both would make "Name" 81 characters long, more than the 80 it holds/,
    );
    expect(
      casebookRefusal(() => both({ description: 'D'.repeat(295) }, record('c1', 'description', 'Theirs'))).message,
    ).toMatch(/"Description" 304 characters long, more than the 300/);
  });

  it('Keep both of a key mine leaves out is theirs, with no note', () => {
    const done = both({}, record('c1', 'tags', ['db']));
    expect(done.value.tags).toEqual(['db']);
    expect(done.note).toBeNull();
    const { outcome: _none, ...noOutcome } = template({});
    const outcome = resolveTemplateConflict(
      { ...noOutcome, conflicts: [record('c1', 'outcome', 'failed')] },
      'c1',
      'both',
    );
    expect(outcome.value).toEqual({ name: 'Incident', sections: { problem: 'What broke?' }, outcome: 'failed' });
    expect(outcome.note).toBeNull();
  });

  it('Take theirs of a key they left without a value leaves it out; Keep both keeps mine and says so', () => {
    const removed = resolveTemplateConflict(
      template({ summaryPrompt: 'Say' }, record('c1', 'summaryPrompt', null)),
      'c1',
      'theirs',
    );
    expect(removed.value).not.toHaveProperty('summaryPrompt');
    expect(removed.value).toMatchObject({ name: 'Incident' });
    const section = resolveTemplateConflict(
      template({ sections: { problem: 'What broke?', lessons: 'Learnt' } }, record('c1', 'sections', null, 'lessons')),
      'c1',
      'theirs',
    );
    expect(section.value.sections).toEqual({ problem: 'What broke?' });
    const kept = both({ summaryPrompt: 'Say' }, record('c1', 'summaryPrompt', null));
    expect(kept.value.summaryPrompt).toBe('Say');
    expect(kept.note).toBe('Summary hint: yours is kept (theirs had none).');
    const unset = both({}, record('c1', 'outcome', null));
    expect(unset.value.outcome).toBe('mixed');
    expect(unset.note).toBe('Outcome: yours is kept (theirs had none).');
  });

  it('refuses a part of a key that has no parts', () => {
    const err = casebookRefusal(() =>
      resolveTemplateConflict(template({}, record('c1', 'tags', 'x', 'an item')), 'c1', 'theirs'),
    );
    expect(err.message).toBe('Their value of "Tags: an item" is not valid any more; keep yours instead.');
  });

  it('refuses a value of either side that the key cannot hold, before joining anything', () => {
    for (const hostile of [[{ toString: 1 }], ['ok', 7], 'not a list']) {
      expect(casebookRefusal(() => both({ tags: ['db'] }, record('c1', 'tags', hostile))).message).toBe(
        'Their value of "Tags" is not valid any more; keep yours instead.',
      );
      const mine = casebookRefusal(() => both({ tags: hostile }, record('c1', 'tags', ['db'])));
      expect([mine.code, mine.message]).toEqual([
        'invalid_input',
        'Your value of "Tags" is not valid; correct the template file first.',
      ]);
    }
    expect(casebookRefusal(() => both({}, record('c1', 'metrics', [null]))).message).toMatch(
      /^Their value of "Key results"/,
    );
    const notADoc = { type: 'doc', content: 'not a list' };
    expect(casebookRefusal(() => both({}, record('c1', 'sections', notADoc, 'problem'))).message).toBe(
      'Their value of "Sections: problem" is not valid any more; keep yours instead.',
    );
  });

  it('Keep both unites tags and categories case aside and key results as a whole, within each limit', () => {
    expect(both({ tags: ['DB'] }, record('c1', 'tags', ['db', 'cache'])).value.tags).toEqual(['DB', 'cache']);
    expect(both({ categories: ['A'] }, record('c1', 'categories', ['a', 'B'])).value.categories).toEqual(['A', 'B']);
    const metric = (label: string, unit: string) => ({ label, unit, better: 'lower' });
    expect(
      both({ metrics: [metric('p99', 'ms')] }, record('c1', 'metrics', [metric('P99', 's'), metric('cost', '$')])).value
        .metrics,
    ).toEqual([metric('p99', 'ms'), metric('P99', 's'), metric('cost', '$')]);

    const tags = Array.from({ length: 19 }, (_, i) => `t${i}`);
    expect(both({ tags }, record('c1', 'tags', ['new'])).value.tags).toHaveLength(20);
    expect(casebookRefusal(() => both({ tags }, record('c1', 'tags', ['new', 'newer']))).message).toMatch(
      /^Keeping both would give "Tags" 21 entries, more than the 20 it holds/,
    );
    const metrics = Array.from({ length: 12 }, (_, i) => metric(`m${i}`, 'ms'));
    expect(casebookRefusal(() => both({ metrics }, record('c1', 'metrics', [metric('new', 's')]))).message).toMatch(
      /^Keeping both would give "Key results" 13 entries, more than the 12 it holds/,
    );
    const categories = Array.from({ length: 10 }, (_, i) => `c${i}`);
    expect(casebookRefusal(() => both({ categories }, record('c1', 'categories', ['new']))).message).toMatch(
      /^Keeping both would give "Categories" 11 entries, more than the 10 it holds/,
    );
  });

  it('Keep both of two section documents puts theirs after mine, an empty one included', () => {
    const para = (id: string, text: string) => ({
      type: 'paragraph',
      attrs: { id },
      content: [{ type: 'text', text }],
    });
    const empty = { type: 'doc' };
    const theirs = { type: 'doc', content: [para('p2', 'Theirs')] };
    const done = both({ sections: { problem: empty } }, record('c1', 'sections', theirs, 'problem'));
    expect((done.value.sections as { problem: { content: unknown[] } }).problem.content).toEqual([
      para('p2', 'Theirs'),
    ]);
    const mine = { type: 'doc', content: [para('p1', 'Mine')] };
    // One base, so one block id on both sides: the second copy gets an id of its own, the same
    // wherever the conflict is resolved (two machines resolving it agree).
    const copied = { type: 'doc', content: [para('p1', 'Theirs')] };
    const twice = [0, 1].map(() => {
      const done = both({ sections: { problem: mine } }, record('c1', 'sections', copied, 'problem'));
      return (done.value.sections as { problem: { content: Array<{ attrs: { id: string } }> } }).problem.content;
    });
    expect(twice[0]!.map((b) => b.attrs.id)).toEqual(twice[1]!.map((b) => b.attrs.id));
    expect(twice[0]![0]!.attrs.id).toBe('p1');
    expect(twice[0]![1]!.attrs.id).toMatch(/^[\w-]{6,}$/);
    expect(twice[0]![1]!.attrs.id).not.toBe('p1');
    const after = both({ sections: { problem: mine } }, record('c1', 'sections', empty, 'problem'));
    expect((after.value.sections as { problem: { content: unknown[] } }).problem.content).toEqual([para('p1', 'Mine')]);
    expect(
      casebookRefusal(() =>
        both({ sections: { problem: mine } }, record('c1', 'sections', 'Theirs as text', 'problem')),
      ).message,
    ).toBe(
      'Keeping both would mix Markdown text and a document in "Sections: problem": keep yours or take theirs, and add the rest by hand.',
    );
  });

  it('Keep both of a section joins text as paragraphs; a text and a document are refused together', () => {
    const text = both({}, record('c1', 'sections', 'Who was paged?', 'problem'));
    expect(text.value.sections).toEqual({ problem: 'What broke?\n\nWho was paged?' });
    const doc = { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [] }] };
    expect(casebookRefusal(() => both({}, record('c1', 'sections', doc, 'problem'))).message).toMatch(
      /^Keeping both would mix Markdown text and a document in "Sections: problem"/,
    );
    // Sections that are no set of parts are mine to correct, not theirs.
    for (const sections of ['zz', ['a']])
      expect(casebookRefusal(() => both({ sections }, record('c1', 'sections', 'x', 'lessons'))).message).toBe(
        'Your value of "Sections: lessons" is not valid; correct the template file first.',
      );
    const elsewhere = casebookRefusal(() => both({ tags: 5 }, record('c1', 'summaryPrompt', 'Tell')));
    expect(elsewhere.message).toBe('The template file is not valid as it stands; correct it first.');
  });
});
