import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SLUG_LENGTH, slugFollowsTitle, slugFromTitle, uniqueSlug } from '../../src/core/slug';
import { slugSchema } from '../../src/core/schemas/study';

describe('slugFromTitle', () => {
  it('turns a title into a readable URL slug', () => {
    expect(slugFromTitle('When Nobody Owns the Cloud Bill')).toBe('when-nobody-owns-the-cloud-bill');
    expect(slugFromTitle('Über Café: 50% cheaper!')).toBe('ueber-cafe-50-cheaper');
  });

  it('never escapes a folder or yields an empty or reserved name', () => {
    expect(slugFromTitle('../../etc/passwd')).toBe('etc-passwd');
    expect(slugFromTitle('🚀🔥')).toBe('untitled');
    expect(slugFromTitle('')).toBe('untitled');
    expect(slugFromTitle('CON')).toBe('con-study');
    expect(slugFromTitle('lpt1')).toBe('lpt1-study');
    expect(slugFromTitle('Assets')).toBe('assets-study');
  });

  it('is URL- and filesystem-safe and bounded for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const slug = slugFromTitle(title);
        expect(slugSchema.safeParse(slug).success).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('uniqueSlug', () => {
  it('adds the first free number', () => {
    expect(uniqueSlug('a', new Set())).toBe('a');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });

  it('stays within the length limit when numbering a long slug', () => {
    const long = 'x'.repeat(MAX_SLUG_LENGTH);
    const slug = uniqueSlug(long, new Set([long]));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-2')).toBe(true);
  });

  it('knows when a slug still follows its title', () => {
    expect(slugFollowsTitle('cloud-bill-2', 'Cloud bill')).toBe(true);
    expect(slugFollowsTitle('my-custom-url', 'Cloud bill')).toBe(false);
  });
});
