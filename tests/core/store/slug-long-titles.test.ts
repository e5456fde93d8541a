// A long title gives a slug cut at a whole word, and a slug only "follows" its title while it is
// exactly the title's slug or that slug numbered: a hand-made variant must never be renamed.
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugFollowsTitle, slugFromTitle, uniqueSlug } from '../../../src/core/pure/slug';

describe('slugs of long titles', () => {
  it('end at a whole word, never in the middle of one', () => {
    const title =
      'How the platform team cut the monthly cloud bill of forty internal services by half without slowing releases';
    const full =
      'how-the-platform-team-cut-the-monthly-cloud-bill-of-forty-internal-services-by-half-without-slowing-releases';
    const slug = slugFromTitle(title);
    // Cut at 80 characters the slug would end in "by-h"; it stops after "by" instead.
    expect(slug).toBe('how-the-platform-team-cut-the-monthly-cloud-bill-of-forty-internal-services-by');
    expect(full.startsWith(`${slug}-`)).toBe(true);
  });

  it('keep most of a long last word rather than shrink to a short first one', () => {
    // The only word break is early: dropping the long word would leave just "a".
    expect(slugFromTitle(`A ${'x'.repeat(120)}`)).toBe(`a-${'x'.repeat(MAX_SLUG_LENGTH - 2)}`);
    // A break exactly half-way is too early as well.
    const half = 'y'.repeat(MAX_SLUG_LENGTH / 2);
    expect(slugFromTitle(`${half} ${'z'.repeat(100)}`)).toBe(`${half}-${'z'.repeat(MAX_SLUG_LENGTH / 2 - 1)}`);
    // One word past half-way is a word break worth keeping.
    const longer = 'y'.repeat(MAX_SLUG_LENGTH / 2 + 1);
    expect(slugFromTitle(`${longer} ${'z'.repeat(100)}`)).toBe(longer);
  });

  it('are kept whole up to the limit, however late their last word break', () => {
    const sixty = `${'a'.repeat(50)} ${'b'.repeat(9)}`;
    expect(slugFromTitle(sixty)).toBe(`${'a'.repeat(50)}-${'b'.repeat(9)}`);
    const eighty = `${'a'.repeat(70)} ${'b'.repeat(MAX_SLUG_LENGTH - 71)}`;
    expect(slugFromTitle(eighty)).toHaveLength(MAX_SLUG_LENGTH);
    expect(slugFromTitle(eighty)).toBe(`${'a'.repeat(70)}-${'b'.repeat(MAX_SLUG_LENGTH - 71)}`);
  });

  it('are never longer than the limit, even a title of one endless word', () => {
    expect(slugFromTitle('w'.repeat(500))).toBe('w'.repeat(MAX_SLUG_LENGTH));
  });
});

describe('titles that name a folder of the exported site', () => {
  it('get "-study" added so the study page never replaces the site\'s own folder or file', () => {
    // Every top-level folder or file the site writes besides the studies: assets/, category/…,
    // feed.xml, sitemap.xml, tag/, author/…, archive/, search/.
    for (const name of ['Assets', 'Category', 'Feed', 'Sitemap', 'Tag', 'Author', 'Archive', 'Search'])
      expect(slugFromTitle(name)).toBe(`${name.toLowerCase()}-study`);
    expect(slugFromTitle('Feeds')).toBe('feeds');
    expect(slugFromTitle('Search results')).toBe('search-results');
  });
});

describe('a slug following its title', () => {
  it('is the title slug or the same slug numbered, nothing longer', () => {
    expect(slugFollowsTitle('cloud-bill', 'Cloud bill')).toBe(true);
    expect(slugFollowsTitle('cloud-bill-12', 'Cloud bill')).toBe(true);
    // Edited by hand: renaming the study must not take these away.
    expect(slugFollowsTitle('cloud-bill-2-final', 'Cloud bill')).toBe(false);
    expect(slugFollowsTitle('cloud-bill-', 'Cloud bill')).toBe(false);
    expect(slugFollowsTitle('cloud-bill-draft', 'Cloud bill')).toBe(false);
    expect(slugFollowsTitle('old-cloud-bill-2', 'Cloud bill')).toBe(false);
  });

  it('numbers a taken slug from 2 and keeps the number inside the limit', () => {
    expect(uniqueSlug('cloud-bill', new Set(['cloud-bill']))).toBe('cloud-bill-2');
    const long = `${'a'.repeat(MAX_SLUG_LENGTH - 3)}-bc`;
    // Making room for "-2" leaves "aaa…-": the dangling dash goes, no "--2".
    expect(uniqueSlug(long, new Set([long]))).toBe(`${'a'.repeat(MAX_SLUG_LENGTH - 3)}-2`);
  });
});
