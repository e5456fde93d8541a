// The timeline in shapes the editor does not make but a shared file may hold: a stray block
// among its entries and entries outside any timeline on the site, a deep heading level, an
// empty loose entry in Markdown, and hand-written items whose label or shape is not the writer's.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { doc, t } from '../../helpers/rich-text-nodes';
import { fromMarkdown, toMarkdown } from '../../helpers/through-markdown';
import { entry } from '../../helpers/timeline-nodes';

describe('a timeline out of shape on the site', () => {
  it('puts a stray block in an item of its own, and stops its heading at h6 (golden)', () => {
    const html = richTextToHtml(
      doc({
        type: 'timeline',
        content: [
          entry('10:00', 'detection', t('a')),
          { type: 'paragraph', content: [t('stray')] },
          entry('10:30', 'resolution', t('b')),
        ],
      }),
      { headingOffset: 5 },
    );
    expect(html).toBe(
      '<figure class="timeline"><figcaption><h6 class="timeline-title">Timeline</h6></figcaption>' +
        '<dl class="timeline-figures"><div><dt>Time to detect</dt><dd><time datetime="PT0M">0 min</time></dd></div>' +
        '<div><dt>Time to resolve</dt><dd><time datetime="PT30M">30 min</time></dd></div></dl>' +
        '<ol class="timeline-entries">' +
        '<li class="timeline-entry timeline-detection"><time class="timeline-time" datetime="10:00">10:00</time><span class="timeline-kind">Detected</span><span class="timeline-text">a</span></li>' +
        '<li><p>stray</p></li>' +
        '<li class="timeline-entry timeline-resolution"><time class="timeline-time" datetime="10:30">10:30</time><span class="timeline-kind">Resolved</span><span class="timeline-text">b</span></li>' +
        '</ol></figure>',
    );
  });

  it('shows no empty timeline, and an entry outside one as a paragraph with its time and label', () => {
    const html = richTextToHtml(
      doc(
        { type: 'timeline' },
        { type: 'timeline', content: [] },
        entry('10:00', 'mitigation', t('loose')),
        entry('', '', t('plain')),
      ),
    );
    expect(html).toBe(
      '<p class="timeline-loose-entry timeline-mitigation"><time class="timeline-time" datetime="10:00">10:00</time><span class="timeline-kind">Mitigated</span><span class="timeline-text">loose</span></p>' +
        '<p class="timeline-loose-entry"><span class="timeline-text">plain</span></p>',
    );
  });
});

describe('a timeline out of shape in Markdown', () => {
  it('writes nothing for an empty entry outside a timeline, and escapes underscores in a loose one', () => {
    const warnings: string[] = [];
    expect(toMarkdown(doc(entry('', ''), entry('x_y', '', t('a_b'))), warnings)).toBe('**x\\_y** a\\_b\n');
    expect(warnings).toEqual([
      'A timeline entry outside a timeline was written as a paragraph.',
      'A timeline entry outside a timeline was written as a paragraph.',
    ]);
  });

  it('reads only the three labels, each right after the time, as marks; anything else is text', () => {
    const [read] = fromMarkdown(
      '#### Timeline\n\n- **10:00** _Event:_ x\n- **10:01** _Noticed:_ y\n- **10:02**  _Detected:_ z\n- **10:03**\n- **10:04** _Detected:_\n',
    );
    expect(read).toEqual({
      type: 'timeline',
      content: [
        { type: 'timelineEntry', attrs: { time: '10:00', kind: '' }, content: [t('Event:', 'italic'), t(' x')] },
        { type: 'timelineEntry', attrs: { time: '10:01', kind: '' }, content: [t('Noticed:', 'italic'), t(' y')] },
        {
          type: 'timelineEntry',
          attrs: { time: '10:02', kind: '' },
          content: [t(' '), t('Detected:', 'italic'), t(' z')],
        },
        { type: 'timelineEntry', attrs: { time: '10:03', kind: '' } },
        { type: 'timelineEntry', attrs: { time: '10:04', kind: 'detection' } },
      ],
    });
  });

  it('keeps a list a list when an item holds a second paragraph or does not lead with a bold time', () => {
    for (const md of [
      '#### Timeline\n\n- **10:00** a\n\n  second paragraph\n',
      '#### Timeline\n\n- **10:00** a\n- *10:01* b\n',
    ]) {
      expect(
        fromMarkdown(md).map((b) => b.type),
        md,
      ).toEqual(['heading', 'bulletList']);
    }
    expect(fromMarkdown('#### Timeline\n\n- **10:00**x\n')[0]).toEqual({
      type: 'timeline',
      content: [{ type: 'timelineEntry', attrs: { time: '10:00', kind: '' }, content: [t('x')] }],
    });
  });
});
