// An ordinary heading whose text is a structured block's heading ("Decision: …", "Timeline",
// "Considered options", "Consequences") stays an ordinary heading through Markdown: it is
// written escaped, and the block readers go by the text as written.
import { describe, expect, it } from 'vitest';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown } from '../../helpers/through-markdown';

const t = (text: string, marks?: { type: string }[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (text: string): RichTextNode => ({ type: 'paragraph', content: [t(text)] });
const h = (level: number, text: string): RichTextNode => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const bullets = (...items: RichTextNode[][]): RichTextNode => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content: [{ type: 'paragraph', content }] })),
});

describe('a heading that looks like a structured block', () => {
  it('"Decision: …" stays a heading with its paragraph after it', () => {
    const section = doc(h(2, 'Decision: use Postgres'), p('We compared three databases.'));
    const { back, markdown } = throughMarkdown(section);
    expect(markdown).toContain('### Decision\\: use Postgres');
    expect(back, markdown).toEqual(markdownNormalForm(section));
  });

  it('"Timeline" over a list of items with bold first words stays a heading and a list', () => {
    const section = doc(h(3, 'Timeline'), bullets([t('Monday', [{ type: 'bold' }]), t(' kickoff')]));
    const { back, markdown } = throughMarkdown(section);
    expect(back, markdown).toEqual(markdownNormalForm(section));
  });

  it('"Considered options" and "Consequences" after a record stay outside it', () => {
    const rec: RichTextNode = {
      type: 'decisionRecord',
      attrs: { title: 'R', options: [{ title: 'A' }] },
      content: [p('ctx')],
    };
    for (const name of ['Consequences', 'Considered options']) {
      const list: RichTextNode =
        name === 'Consequences'
          ? bullets([t('Good: later')])
          : { type: 'orderedList', attrs: { start: 1 }, content: bullets([t('B')]).content };
      const section = doc({ ...rec, attrs: { title: 'R' } }, h(3, name), list);
      const { back, markdown } = throughMarkdown(section);
      expect(back, markdown).toEqual(markdownNormalForm(section));
    }
    const section = doc(rec, h(3, 'Consequences'), bullets([t('Good: later')]));
    const { back, markdown } = throughMarkdown(section);
    expect(back, markdown).toEqual(markdownNormalForm(section));
  });

  it('the blocks themselves still read from hand-written Markdown', () => {
    const [record] = fromMarkdown('### Decision: T\n\n#### Consequences\n\n- Bad: slower\n');
    expect(record).toMatchObject({ type: 'decisionRecord', attrs: { title: 'T', consequences: [{ kind: 'bad' }] } });
    const [timeline] = fromMarkdown('#### Timeline\n\n- **14:02** Alert\n');
    expect(timeline?.type).toBe('timeline');
  });
});
