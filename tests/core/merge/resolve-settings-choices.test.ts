// Each choice on each kind of settings record, as plain data: a site setting of each sort (text,
// a list, a one-value setting, one site author) and each template key. The service tests take a
// few of these through dispatch; these reach every branch, and what is refused says why.
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../src/core/pure/merge/conflict-schema';
import {
  resolveSiteConflict,
  resolveTemplateConflict,
  settingsVersion,
} from '../../../src/core/pure/merge/resolve-settings-conflict';
import { defaultSiteSettings, type SiteAuthor, type SiteSettings } from '../../../src/core/pure/schemas/site';
import { casebookRefusal } from '../../helpers/casebook-failure';

const at = '2026-03-01T10:00:00.000Z';
const record = (id: string, field: string, theirs: unknown, item?: string): Conflict => ({
  id,
  at,
  where: item === undefined ? { kind: 'field', field } : { kind: 'field', field, item },
  mine: null,
  theirs,
});
/** Another record, which every resolution must leave in place. */
const other = record('other', 'tagline', 'Theirs');

const site = (patch: Partial<SiteSettings> = {}): SiteSettings => ({ ...defaultSiteSettings(), ...patch });
const onSite = (mine: Partial<SiteSettings>, conflict: Conflict, choice: 'mine' | 'theirs' | 'both') =>
  resolveSiteConflict(site(mine), [other, conflict], conflict.id, choice);

const author = (name: string, more: Partial<SiteAuthor> = {}): SiteAuthor => ({
  name,
  bio: '',
  url: '',
  avatar: '',
  ...more,
});
const avatar = `assets/${'a'.repeat(64)}.png`;

describe('resolveSiteConflict', () => {
  it('Keep mine keeps every setting and the other records', () => {
    const mine = site({ title: 'Mine' });
    expect(resolveSiteConflict(mine, [other, record('c1', 'title', 'Theirs')], 'c1', 'mine')).toEqual({
      value: mine,
      conflicts: [other],
      note: null,
    });
  });

  it('Take theirs sets their value as the schema reads it', () => {
    const done = onSite({}, record('c1', 'baseUrl', 'https://eng.example.com/'), 'theirs');
    expect(done.value).toEqual(site({ baseUrl: 'https://eng.example.com/' }));
    expect(done.conflicts).toEqual([other]);
    expect(done.note).toBeNull();
    expect(onSite({}, record('c1', 'title', '  Trimmed  '), 'theirs').value.title).toBe('Trimmed');
  });

  it('refuses their value when it breaks the setting’s rules, by the setting’s label', () => {
    for (const choice of ['theirs', 'both'] as const) {
      const err = casebookRefusal(() => onSite({}, record('c1', 'accent', 'red'), choice));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe('Their value of "Accent colour" is not valid any more; keep yours instead.');
    }
  });

  it('refuses a setting it does not know, printed safely, for Take theirs and Keep both', () => {
    for (const field of ['toString', 'flavour\u001b[2J']) {
      const err = casebookRefusal(() => onSite({}, record('c1', field, 'x'), 'theirs'));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe(`"${field.replace('\u001b', ' ')}" is not a setting this Casebook knows; keep yours.`);
      expect(onSite({}, record('c1', field, 'x'), 'mine').conflicts).toEqual([other]);
    }
  });

  it('says what is wrong with a gone record, a block record, and a record with an item of a plain setting', () => {
    const missing = casebookRefusal(() => resolveSiteConflict(site(), [other], 'c9', 'mine'));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toBe(
      'That conflict is no longer in the site settings (it may have been resolved already).',
    );
    const block: Conflict = {
      id: 'b1',
      at,
      where: { kind: 'block', section: 'problem', block: 'x' },
      mine: null,
      theirs: null,
    };
    expect(casebookRefusal(() => resolveSiteConflict(site(), [block], 'b1', 'theirs')).message).toBe(
      "That conflict names a block of a study's section, which the site settings do not have, so there is nothing of theirs to take or keep: choose Keep mine to clear it.",
    );
    expect(
      casebookRefusal(() => resolveTemplateConflict({ name: 'T', conflicts: [block] }, 'b1', 'both')).message,
    ).toBe(
      "That conflict names a block of a study's section, which a template does not have, so there is nothing of theirs to take or keep: choose Keep mine to clear it.",
    );
    expect(onSite({}, record('c1', 'title', 'Theirs', 'stray item'), 'theirs').value.title).toBe('Theirs');
  });

  it('Keep both joins one-line text with a slash and the description as two paragraphs', () => {
    expect(onSite({ title: 'Ann' }, record('c1', 'title', 'Bob'), 'both').value.title).toBe('Ann / Bob');
    expect(onSite({ tagline: 'Ours' }, record('c1', 'tagline', 'Theirs'), 'both').value.tagline).toBe('Ours / Theirs');
    expect(onSite({ author: 'Ann' }, record('c1', 'author', 'Bob'), 'both').value.author).toBe('Ann / Bob');
    expect(onSite({ description: 'One.' }, record('c1', 'description', 'Two.'), 'both').value.description).toBe(
      'One.\n\nTwo.',
    );
  });

  it('Keep both of text where one side is empty is the other, and never longer than the setting holds', () => {
    expect(onSite({ author: '' }, record('c1', 'author', 'Bob'), 'both').value.author).toBe('Bob');
    expect(onSite({ author: 'Ann' }, record('c1', 'author', ''), 'both').value.author).toBe('Ann');
    const long = onSite({ title: 'M'.repeat(110) }, record('c1', 'title', 'T'.repeat(100)), 'both');
    expect(long.value.title).toBe(`${'M'.repeat(110)} / ${'T'.repeat(7)}`);
    const description = onSite({ description: 'D'.repeat(1990) }, record('c1', 'description', 'E'.repeat(50)), 'both');
    expect(description.value.description).toBe(`${'D'.repeat(1990)}\n\n${'E'.repeat(8)}`);
  });

  it('Keep both unites categories and authors case aside, and refuses a union past the limit', () => {
    const categories = onSite({ categories: ['Outages'] }, record('c1', 'categories', ['outages', 'Scaling']), 'both');
    expect(categories.value.categories).toEqual(['Outages', 'Scaling']);
    const authors = onSite(
      { authors: [author('Ann', { bio: 'Mine' })] },
      record('c1', 'authors', [author('ann', { bio: 'Theirs' }), author('Bob')]),
      'both',
    );
    expect(authors.value.authors).toEqual([author('Ann', { bio: 'Mine' }), author('Bob')]);

    const many = Array.from({ length: 99 }, (_, i) => `Category ${i}`);
    const err = casebookRefusal(() =>
      onSite({ categories: many }, record('c1', 'categories', ['New', 'Newer']), 'both'),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe(
      'Keeping both would make 101 entries of "Categories", more than the 100 it holds: keep yours or take theirs, then add what is missing.',
    );
    expect(onSite({ categories: many }, record('c1', 'categories', ['New']), 'both').value.categories).toHaveLength(
      100,
    );
  });

  it('Keep both of a one-value setting keeps mine and names theirs in the note', () => {
    const cases: Array<[keyof SiteSettings, unknown, string]> = [
      ['accent', '#ff0000', 'Accent colour holds one value: yours is kept. Theirs was #ff0000.'],
      ['language', 'de', 'Language holds one value: yours is kept. Theirs was de.'],
      ['font', 'serif', 'Body font holds one value: yours is kept. Theirs was serif.'],
      ['baseUrl', 'https://x.example/', 'Base URL holds one value: yours is kept. Theirs was https://x.example/.'],
    ];
    for (const [field, theirs, note] of cases) {
      const done = onSite({ accent: '#0a58ca' }, record('c1', field, theirs), 'both');
      expect(done.value).toEqual(site({ accent: '#0a58ca' }));
      expect(done.conflicts).toEqual([other]);
      expect(done.note).toBe(note);
    }
  });
});

describe('resolveSiteConflict on one site author', () => {
  const onAuthor = (authors: SiteAuthor[], theirs: SiteAuthor | null, choice: 'theirs' | 'both', item = 'Dana') =>
    onSite({ authors }, record('c1', 'authors', theirs, item), choice);

  it('Take theirs replaces the author found case aside, adds one mine lacks, removes one they removed', () => {
    const mine = [author('Ann'), author('Dana', { bio: 'Mine' })];
    expect(onAuthor(mine, author('Dana', { bio: 'Theirs' }), 'theirs', 'dana').value.authors).toEqual([
      author('Ann'),
      author('Dana', { bio: 'Theirs' }),
    ]);
    expect(onAuthor([author('Ann')], author('Dana'), 'theirs').value.authors).toEqual([author('Ann'), author('Dana')]);
    expect(onAuthor(mine, null, 'theirs').value.authors).toEqual([author('Ann')]);
    expect(onAuthor([author('Ann')], null, 'theirs').value.authors).toEqual([author('Ann')]);
  });

  it('finds the first author as any other', () => {
    const mine = [author('Dana', { bio: 'Mine' }), author('Ann')];
    expect(onAuthor(mine, author('Dana', { bio: 'Theirs' }), 'theirs').value.authors).toEqual([
      author('Dana', { bio: 'Theirs' }),
      author('Ann'),
    ]);
    expect(onAuthor(mine, null, 'theirs').value.authors).toEqual([author('Ann')]);
    expect(onAuthor(mine, author('Dana', { bio: 'Theirs' }), 'both').value.authors[0]!.bio).toBe('Mine\n\nTheirs');
  });

  it('Keep both puts their bio after mine and fills the link and picture mine leaves empty', () => {
    const done = onAuthor(
      [author('Dana', { bio: 'Mine' })],
      author('Dana', { bio: 'Theirs', url: 'https://dana.example/', avatar }),
      'both',
    );
    expect(done.value.authors).toEqual([
      author('Dana', { bio: 'Mine\n\nTheirs', url: 'https://dana.example/', avatar }),
    ]);
    expect(done.note).toBeNull();
    expect(onAuthor([author('Dana', { bio: 'Same' })], author('Dana', { bio: 'Same' }), 'both').value.authors).toEqual([
      author('Dana', { bio: 'Same' }),
    ]);
    expect(onAuthor([], author('Dana', { bio: 'Theirs' }), 'both').value.authors).toEqual([
      author('Dana', { bio: 'Theirs' }),
    ]);
    expect(onAuthor([author('Dana')], null, 'both').value.authors).toEqual([author('Dana')]);
  });

  it('Keep both keeps my link and picture and says which of theirs it could not keep', () => {
    const mine = author('Dana', { url: 'https://mine.example/', avatar });
    const otherAvatar = `assets/${'b'.repeat(64)}.png`;
    const both = onAuthor([mine], author('Dana', { url: 'https://theirs.example/', avatar: otherAvatar }), 'both');
    expect(both.value.authors).toEqual([mine]);
    expect(both.note).toBe(
      'Dana: yours is kept for the fields that hold one value (their link https://theirs.example/ and picture).',
    );
    const one = onAuthor([mine], author('Dana', { url: 'https://mine.example/', avatar: otherAvatar }), 'both');
    expect(one.note).toBe('Dana: yours is kept for the field that holds one value (their picture).');
    const link = onAuthor([mine], author('Dana', { url: 'https://theirs.example/' }), 'both');
    expect(link.note).toBe(
      'Dana: yours is kept for the field that holds one value (their link https://theirs.example/).',
    );
  });

  it('refuses their author when it is not one, or when taking it would name two authors alike', () => {
    const bad = casebookRefusal(() => onAuthor([author('Dana')], { name: '' } as SiteAuthor, 'theirs'));
    expect(bad.message).toBe('Their value of "Authors: Dana" is not valid any more; keep yours instead.');
    const twice = casebookRefusal(() => onAuthor([author('Ann'), author('Dana')], author('ann'), 'theirs'));
    expect(twice.message).toBe('Their value of "Authors" is not valid any more; keep yours instead.');
  });
});

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

  it('Keep both joins the name, description and summary hint, each within its limit', () => {
    expect(both({}, record('c1', 'name', 'Outage')).value.name).toBe('Incident / Outage');
    expect(both({ description: 'Ours' }, record('c1', 'description', 'Theirs')).value.description).toBe(
      'Ours / Theirs',
    );
    expect(both({ summaryPrompt: 'Say' }, record('c1', 'summaryPrompt', 'Tell')).value.summaryPrompt).toBe(
      'Say / Tell',
    );
    expect(both({ name: 'N'.repeat(75) }, record('c1', 'name', 'Outage')).value.name).toBe(`${'N'.repeat(75)} / Ou`);
    const long = both({ description: 'D'.repeat(295) }, record('c1', 'description', 'Theirs'));
    expect(long.value.description).toBe(`${'D'.repeat(295)} / Th`);
  });

  it('Keep both of a key mine leaves out is theirs, with no note', () => {
    const done = both({}, record('c1', 'tags', ['db']));
    expect(done.value.tags).toEqual(['db']);
    expect(done.note).toBeNull();
    expect(both({}, record('c1', 'outcome', 'failed')).value).toMatchObject({ outcome: 'mixed' });
  });

  it('Keep both unites tags and categories case aside and key results by label, within each limit', () => {
    expect(both({ tags: ['DB'] }, record('c1', 'tags', ['db', 'cache'])).value.tags).toEqual(['DB', 'cache']);
    expect(both({ categories: ['A'] }, record('c1', 'categories', ['a', 'B'])).value.categories).toEqual(['A', 'B']);
    const metric = (label: string, unit: string) => ({ label, unit, better: 'lower' });
    expect(
      both({ metrics: [metric('p99', 'ms')] }, record('c1', 'metrics', [metric('P99', 's'), metric('cost', '$')])).value
        .metrics,
    ).toEqual([metric('p99', 'ms'), metric('cost', '$')]);

    const tags = Array.from({ length: 19 }, (_, i) => `t${i}`);
    expect(both({ tags }, record('c1', 'tags', ['new'])).value.tags).toHaveLength(20);
    expect(casebookRefusal(() => both({ tags }, record('c1', 'tags', ['new', 'newer']))).message).toMatch(
      /^Keeping both would make 21 entries of "Tags", more than the 20 it holds/,
    );
    const categories = Array.from({ length: 10 }, (_, i) => `c${i}`);
    expect(casebookRefusal(() => both({ categories }, record('c1', 'categories', ['new']))).message).toMatch(
      /^Keeping both would make 11 entries of "Categories", more than the 10 it holds/,
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
    const after = both({ sections: { problem: mine } }, record('c1', 'sections', empty, 'problem'));
    expect((after.value.sections as { problem: { content: unknown[] } }).problem.content).toEqual([para('p1', 'Mine')]);
    const text = both({ sections: { problem: mine } }, record('c1', 'sections', 'Theirs as text', 'problem'));
    expect(text.value.sections).toEqual({ problem: mine });
    expect(text.note).toBe('Sections: problem holds one value: yours is kept. Theirs was Theirs as text.');
  });

  it('Keep both of a section joins text as paragraphs; a text and a document cannot stand together', () => {
    const text = both({}, record('c1', 'sections', 'Who was paged?', 'problem'));
    expect(text.value.sections).toEqual({ problem: 'What broke?\n\nWho was paged?' });
    const doc = { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [] }] };
    const mixed = both({}, record('c1', 'sections', doc, 'problem'));
    expect(mixed.value.sections).toEqual({ problem: 'What broke?' });
    expect(mixed.note).toMatch(/^Sections: problem holds one value: yours is kept\. Theirs was /);
  });
});

describe('settingsVersion', () => {
  it('is the same for the same settings in any key order, and changes with any value', () => {
    const a = { title: 'A', tagline: 'B', authors: [author('Ann')] };
    expect(settingsVersion(a)).toBe(settingsVersion({ authors: [author('Ann')], tagline: 'B', title: 'A' }));
    expect(settingsVersion(a)).not.toBe(settingsVersion({ ...a, tagline: 'C' }));
    expect(settingsVersion(a)).not.toBe(settingsVersion({ ...a, authors: [author('Ann', { bio: 'x' })] }));
  });
});
