// The authors a Markdown import adds: every name the site does not know yet (matched without
// case or surrounding spaces), once, with nothing but the name; an empty or overlong name is
// skipped; null when nothing is new, so the settings are not written for nothing.
import { describe, expect, it } from 'vitest';
import { authorLimits, defaultSiteSettings, type SiteAuthor } from '../../../src/core/pure/schemas/site';
import { withAuthors } from '../../../src/core/pure/site-authors';

const dana: SiteAuthor = { name: 'Dana Kim', bio: 'SRE', url: 'https://dana.example', avatar: '' };
const site = { ...defaultSiteSettings(), authors: [dana] };

describe('authors named by an import', () => {
  it('appends the names the site lacks, trimmed, after the authors it has', () => {
    expect(withAuthors(site, [' Lee Park ', 'Ana Ruiz'])).toEqual([
      dana,
      { name: 'Lee Park', bio: '', url: '', avatar: '' },
      { name: 'Ana Ruiz', bio: '', url: '', avatar: '' },
    ]);
  });

  it('knows a name whatever its case or spaces, and adds a new one once', () => {
    expect(withAuthors(site, ['dana kim', ' DANA KIM '])).toBeNull();
    expect(withAuthors(site, ['Lee Park', 'lee park', 'Lee Park '])).toEqual([
      dana,
      { name: 'Lee Park', bio: '', url: '', avatar: '' },
    ]);
    const spaced = { ...site, authors: [{ ...dana, name: ' Dana Kim ' }] };
    expect(withAuthors(spaced, ['Dana Kim'])).toBeNull();
  });

  it('skips an empty name and one longer than an author name may be', () => {
    const longest = 'x'.repeat(authorLimits.name);
    expect(withAuthors(site, ['', '   ', `${longest}y`])).toBeNull();
    expect(withAuthors(site, [longest])?.at(-1)?.name).toBe(longest);
  });
});
