// Timelines at their edges: a hand-edited timeline with another block first (the figures still
// count from the first entry), one without figures, an entry without text or with a line
// break, markup in a time, and `#### Timeline` at the end of a file or over a list whose item
// is a heading.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { doc, t } from '../../helpers/rich-text-nodes';
import { fromMarkdown, toMarkdown } from '../../helpers/through-markdown';
import { entry, timeline } from '../../helpers/timeline-nodes';

describe('a timeline on the site, at its edges', () => {
  it('counts time to detect from the first entry when another block comes first', () => {
    const html = richTextToHtml(
      doc(timeline({ type: 'paragraph', content: [t('note')] }, entry('14:00', ''), entry('14:05', 'detection'))),
    );
    expect(html).toContain('<dt>Time to detect</dt><dd><time datetime="PT5M">5 min</time></dd>');
  });

  it('has no figures list when no entry is marked', () => {
    expect(richTextToHtml(doc(timeline(entry('14:00', '', t('a')))))).toBe(
      '<figure class="timeline"><figcaption><h2 class="timeline-title">Timeline</h2></figcaption>' +
        '<ol class="timeline-entries"><li class="timeline-entry"><time class="timeline-time" datetime="14:00">14:00</time>' +
        '<span class="timeline-text">a</span></li></ol></figure>',
    );
  });
});

describe('a timeline in Markdown, at its edges', () => {
  it('writes an entry without text as its time alone, and a line break in an entry as Markdown', () => {
    const md = toMarkdown(doc(timeline(entry('14:00', ''), entry('14:05', '', t('a'), { type: 'hardBreak' }, t('b')))));
    expect(md).toBe('#### Timeline\n\n- **14:00**\n- **14:05** a\\\n  b\n');
  });

  it('warns about markup in a time even when part of it is plain', () => {
    const warnings: string[] = [];
    const [read] = fromMarkdown('#### Timeline\n\n- **14:02 _UTC_** Alert\n', warnings);
    expect(read?.content?.[0]?.attrs?.time).toBe('14:02 UTC');
    expect(warnings).toEqual(['Markup in a timeline time was dropped; its text was kept.']);
  });

  it('reads "#### Timeline" at the end of a file, or over an item that is a heading, as a heading', () => {
    expect(fromMarkdown('#### Timeline\n').map((b) => b.type)).toEqual(['heading']);
    expect(fromMarkdown('#### Timeline\n\n- ## **14:02** Alert\n').map((b) => b.type)).toEqual([
      'heading',
      'bulletList',
    ]);
  });
});
