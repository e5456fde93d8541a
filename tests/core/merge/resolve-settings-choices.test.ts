// Each choice on each kind of site-settings record, as plain data: a setting of each sort (text,
// a list, a one-value setting, one site author). The service tests take a few of these through
// dispatch; these reach every branch, and what is refused says why.
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../src/core/pure/merge/conflict-schema';
import { resolveSiteConflict } from '../../../src/core/pure/merge/resolve-settings-conflict';
import { resolveTemplateConflict } from '../../../src/core/pure/merge/resolve-template-conflict';
import { settingsVersion } from '../../../src/core/pure/merge/settings-resolution';
import { defaultSiteSettings, type SiteAuthor, type SiteSettings } from '../../../src/core/pure/schemas/site';
import { casebookRefusal } from '../../helpers/casebook-failure';
import { at, other, record } from './settings-records';

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
    expect(casebookRefusal(() => resolveSiteConflict(site(), [block], 'b1', 'theirs')).code).toBe('invalid_input');
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

  it('Keep both of text where one side is empty is the other; longer together than the setting holds is refused', () => {
    expect(onSite({ author: '' }, record('c1', 'author', 'Bob'), 'both').value.author).toBe('Bob');
    expect(onSite({ author: 'Ann' }, record('c1', 'author', ''), 'both').value.author).toBe('Ann');
    const title = (theirs: string) => onSite({ title: 'M'.repeat(110) }, record('c1', 'title', theirs), 'both');
    expect(title('T'.repeat(7)).value.title).toBe(`${'M'.repeat(110)} / ${'T'.repeat(7)}`);
    expect(casebookRefusal(() => title('T'.repeat(8))).message).toBe(
      'Keeping both would make "Title" 121 characters long, more than the 120 it holds: keep yours or take theirs, and add the rest by hand.',
    );
    const description = (theirs: string) =>
      onSite({ description: 'D'.repeat(1990) }, record('c1', 'description', theirs), 'both');
    expect(description('E'.repeat(8)).value.description).toBe(`${'D'.repeat(1990)}\n\n${'E'.repeat(8)}`);
    expect(casebookRefusal(() => description('E'.repeat(9))).message).toMatch(/"Description" 2001 characters long/);
  });

  it('Keep both unites categories and authors case aside, and refuses a union past the limit', () => {
    const categories = onSite({ categories: ['Outages'] }, record('c1', 'categories', ['outages', 'Scaling']), 'both');
    expect(categories.value.categories).toEqual(['Outages', 'Scaling']);
    const authors = onSite(
      { authors: [author('Ann', { bio: 'Mine' })] },
      record('c1', 'authors', [author('ann', { bio: 'Theirs' }), author('Bob')]),
      'both',
    );
    expect(authors.value.authors).toEqual([author('Ann', { bio: 'Mine\n\nTheirs' }), author('Bob')]);
    expect(authors.note).toBeNull();

    const many = Array.from({ length: 99 }, (_, i) => `Category ${i}`);
    const err = casebookRefusal(() =>
      onSite({ categories: many }, record('c1', 'categories', ['New', 'Newer']), 'both'),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe(
      'Keeping both would give "Categories" 101 entries, more than the 100 it holds: keep yours or take theirs, and add the rest by hand.',
    );
    expect(onSite({ categories: many }, record('c1', 'categories', ['New']), 'both').value.categories).toHaveLength(
      100,
    );
  });

  it('Keep both of two author lists joins an author both name, and says which of theirs it could not keep', () => {
    const mine = [author('Ann', { url: 'https://ann.example/' }), author('Cy')];
    const theirs = [author('Bob'), author('ANN', { bio: 'Theirs', url: 'https://elsewhere.example/', avatar })];
    const done = onSite({ authors: mine }, record('c1', 'authors', theirs), 'both');
    expect(done.value.authors).toEqual([
      author('Ann', { bio: 'Theirs', url: 'https://ann.example/', avatar }),
      author('Cy'),
      author('Bob'),
    ]);
    expect(done.note).toBe(
      'Ann: yours is kept for the field that holds one value (their link https://elsewhere.example/).',
    );
    const many = Array.from({ length: 200 }, (_, i) => author(`Author ${i}`));
    expect(
      casebookRefusal(() => onSite({ authors: many }, record('c1', 'authors', [author('New')]), 'both')).message,
    ).toMatch(/^Keeping both would give "Authors" 201 entries, more than the 200 it holds/);
  });

  it('Keep both of two author lists says what it could not keep of each author, and refuses bios too long together', () => {
    const mine = [author('Ann', { url: 'https://ann.example/' }), author('Cy', { avatar })];
    const otherAvatar = `assets/${'c'.repeat(64)}.png`;
    const theirs = [author('Ann', { url: 'https://a.example/' }), author('Cy', { avatar: otherAvatar })];
    expect(onSite({ authors: mine }, record('c1', 'authors', theirs), 'both').note).toBe(
      'Ann: yours is kept for the field that holds one value (their link https://a.example/). Cy: yours is kept for the field that holds one value (their picture).',
    );
    const long = [author('Dana', { bio: 'B'.repeat(999) })];
    expect(
      casebookRefusal(() => onSite({ authors: long }, record('c1', 'authors', [author('Dana', { bio: 'T' })]), 'both'))
        .message,
    ).toMatch(/^Keeping both would make "Authors: Dana \(bio\)" 1002 characters long, more than the 1000 it holds/);
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
    expect(twice.message).toBe('Their value of "Authors: Dana" is not valid any more; keep yours instead.');
    // An author mine lacks, added within the limit; the record's name matched as the form matches it.
    const many = Array.from({ length: 200 }, (_, i) => author(`Author ${i}`));
    expect(casebookRefusal(() => onAuthor(many, author('Dana'), 'theirs')).message).toMatch(
      /^Keeping both would give "Authors" 201 entries, more than the 200 it holds/,
    );
    expect(
      onAuthor([author('Dana', { bio: 'Mine' })], author('Dana', { bio: 'Theirs' }), 'theirs', ' dana ').value.authors,
    ).toEqual([author('Dana', { bio: 'Theirs' })]);
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
