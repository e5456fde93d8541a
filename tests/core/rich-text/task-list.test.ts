// Task lists on the site (the state as text for screen readers, a class for the box) and in
// Markdown, where an empty task is written with an encoded space and only that reads back empty.
import { describe, expect, it } from 'vitest';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';

type Mark = NonNullable<RichTextNode['marks']>[number];
const t = (text: string, marks?: Mark[]): RichTextNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: RichTextNode[]): RichTextNode =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
const task = (checked: boolean | undefined, ...content: RichTextNode[]): RichTextNode => ({
  type: 'taskItem',
  ...(checked === undefined ? {} : { attrs: { checked } }),
  content,
});
const tasks = (...items: RichTextNode[]): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'taskList', content: items }],
});
const readItems = (markdown: string) => fromMarkdown(markdown)[0]?.content;

describe('a task list on the site', () => {
  it('says done or to do in words, and marks a done task for the box drawn by CSS', () => {
    expect(richTextToHtml(tasks(task(true, p(t('a'))), task(false, p(t('b'))), task(undefined, p(t('c')))))).toBe(
      '<ul class="task-list">' +
        '<li class="task task-done"><span class="visually-hidden">Done: </span><p>a</p></li>' +
        '<li class="task"><span class="visually-hidden">To do: </span><p>b</p></li>' +
        '<li class="task"><span class="visually-hidden">To do: </span><p>c</p></li>' +
        '</ul>',
    );
  });
});

describe('a task list in Markdown', () => {
  it('writes a task without a state (a hand-edited file) as not done', () => {
    expect(toMarkdown(tasks(task(undefined, p(t('a'))), task(true, p(t('b')))))).toBe('- [ ] a\n- [x] b\n');
    // An empty task needs text after its box to stay a task: an encoded space.
    expect(toMarkdown(tasks(task(false, p())))).toBe('- [ ] &#x20;\n');
  });

  it('reads only a task whose text is one plain space as empty', () => {
    const items = readItems('- [ ] &#x20;\n- [ ] **&#x20;**\n- [ ] &#x20;*x*\n- [x] x\n- [ ] &#x20;&#x20;\n');
    expect(items).toEqual([
      task(false, p()),
      task(false, p(t(' ', [{ type: 'bold' }]))),
      task(false, p(t(' '), t('x', [{ type: 'italic' }]))),
      task(true, p(t('x'))),
      task(false, p(t('  '))),
    ]);
    // An item without a box in a task list, starting with a quote: no text at all.
    expect(readItems('- [ ] a\n- > q\n')?.[1]).toEqual(task(false, p(), { type: 'blockquote', content: [p(t('q'))] }));
  });

  it('goes through Markdown as the normal form says: an empty task, a one-space task, a task whose text is code', () => {
    const code: RichTextNode = { type: 'codeBlock', attrs: { language: null }, content: [t(' ')] };
    const section = tasks(
      task(false, p()),
      task(true, p(t(' '))),
      task(false, p(), code),
      task(false, p(t(' '), t('x'))),
      task(false, p(t(' ')), code),
    );
    const normal = markdownNormalForm(section);
    expect(normal.content?.[0]?.content).toEqual([
      task(false, p()),
      task(true, p()),
      task(false, p(), code),
      task(false, p(t(' x'))),
      task(false, p(), code),
    ]);
    expect(throughMarkdown(section).back).toEqual(normal);
  });
});
