// Timeline shapes the editor never makes but a hand-edited study file may hold, in the Markdown
// export: a timeline with no entries writes nothing (a bare `#### Timeline` would come back as a
// heading), an entry outside a timeline is a paragraph that keeps its time and label.
import { describe, expect, it } from 'vitest';
import { canonicalDoc } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, toMarkdown } from '../../helpers/through-markdown';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const t = (text: string): RichTextNode => ({ type: 'text', text });
const p = (text: string): RichTextNode => ({ type: 'paragraph', content: [t(text)] });
const entry = (time: string, kind: string, text: string): RichTextNode => ({
  type: 'timelineEntry',
  attrs: { time, kind },
  content: [t(text)],
});

describe('a timeline out of shape, exported to Markdown', () => {
  it('with no entries writes nothing, so nothing reads back as a "Timeline" heading', () => {
    const warnings: string[] = [];
    const markdown = toMarkdown(doc(p('Before.'), { type: 'timeline' }, { type: 'timeline', content: [] }), warnings);
    expect(markdown).toBe('Before.\n');
    expect(canonicalDoc(doc(...fromMarkdown(markdown)))).toEqual(doc(p('Before.')));
  });

  it('an entry outside a timeline is written as a paragraph with its time and label, with a warning', () => {
    const warnings: string[] = [];
    const markdown = toMarkdown(
      doc(entry('14:02', 'detection', 'Paged'), entry('', 'resolution', 'Fixed'), entry('', '', 'Just text')),
      warnings,
    );
    expect(markdown).toBe('**14:02** _Detected:_ Paged\n\n_Resolved:_ Fixed\n\nJust text\n');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/outside a timeline/);
    const back = canonicalDoc(doc(...fromMarkdown(markdown)));
    expect(back.content?.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('holding a paragraph among its entries writes it as an entry without a time, its text kept', () => {
    const markdown = toMarkdown(doc({ type: 'timeline', content: [entry('14:00', '', 'Alert'), p('Stray')] }));
    expect(markdown).toBe('#### Timeline\n\n- **14:00** Alert\n- **&#x20;** Stray\n');
    const [timeline] = canonicalDoc(doc(...fromMarkdown(markdown))).content ?? [];
    expect(timeline?.content?.map((e) => [e.attrs?.time, e.content?.[0]?.text])).toEqual([
      ['14:00', 'Alert'],
      ['', 'Stray'],
    ]);
  });
});
