// Which section each part of an imported file goes to: its H2 headings name the sections, in
// any case and with common variants and punctuation; anything else stays where it is.
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { markdownToMdast, mdastToMarkdown } from '../../../src/core/pure/markdown/markdown-syntax';
import { sectionForHeading, splitSections } from '../../../src/core/pure/markdown/study-sections';

/** Each section's Markdown after the split, trimmed; empty sections left out. */
function sections(markdown: string): Record<string, string> {
  const split = splitSections(markdownToMdast(markdown).children);
  const out: Record<string, string> = {};
  for (const [key, nodes] of Object.entries(split) as [string, RootContent[]][])
    if (nodes.length > 0) out[key] = mdastToMarkdown({ type: 'root', children: nodes }).trim();
  return out;
}

describe('sections of an imported file', () => {
  it('puts text before the first H2 in Problem, and each named H2’s text in its section', () => {
    expect(sections('Intro.\n\n## Decisions\n\nWe moved.\n\n## Lessons learned\n\nMeasure first.')).toEqual({
      problem: 'Intro.',
      decisions: 'We moved.',
      lessons: 'Measure first.',
    });
  });

  it('knows a heading in any case, with spaces, end punctuation or emphasis', () => {
    expect(sections('## TRADE-OFFS!!  \n\nSlower.')).toEqual({ tradeoffs: 'Slower.' });
    expect(sections('## What   we\tdid\n\nThis.')).toEqual({ decisions: 'This.' });
    expect(sections('## *Lessons* learned:\n\nThis.')).toEqual({ lessons: 'This.' });
    expect(sections('## `Costs`\n\nMoney.')).toEqual({ tradeoffs: 'Money.' });
    expect(sectionForHeading('Lessons.')).toBe('lessons');
    expect(sectionForHeading('Key takeaways?! ')).toBe('lessons');
  });

  it('keeps an H2 naming no section, and deeper headings, as headings where they stand', () => {
    expect(sections('## Lessons\n\nOne.\n\n## Notes\n\nTwo.\n\n### Decisions\n\nThree.')).toEqual({
      lessons: 'One.\n\n## Notes\n\nTwo.\n\n### Decisions\n\nThree.',
    });
    expect(sections('## Problem: scope\n\nText.')).toEqual({ problem: '## Problem: scope\n\nText.' });
    expect(sections('## Less ons\n\nText.')).toEqual({ problem: '## Less ons\n\nText.' });
    expect(sections('## ![Lessons](x.png)\n\nText.')).toEqual({ problem: '## ![Lessons](x.png)\n\nText.' });
    expect(sectionForHeading('lessons learned here')).toBeNull();
  });
});
