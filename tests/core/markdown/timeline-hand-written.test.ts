// A hand-written timeline's entries hold whatever inline Markdown a person types: an image
// (the editor's images are blocks, so an entry cannot hold one) must not cost the whole file;
// links, code, breaks and inline HTML read as they do in a paragraph and survive a re-export.
import { describe, expect, it } from 'vitest';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { canonicalDoc } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, toMarkdown } from '../../helpers/through-markdown';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });

function problemOf(markdown: string) {
  const parsed = parseMarkdownStudy(`## Problem\n\n${markdown}`, 'postmortem.md');
  if (!parsed.ok) throw new Error(`not imported: ${parsed.reason}`);
  return { problem: parsed.study.problem as RichTextDoc, warnings: parsed.warnings, images: parsed.images };
}

const entriesOf = (section: RichTextDoc): RichTextNode[] => {
  const timeline = section.content?.find((n) => n.type === 'timeline');
  if (!timeline) throw new Error(`no timeline in ${JSON.stringify(section)}`);
  return timeline.content ?? [];
};

describe('an image inside a timeline entry', () => {
  it('leaves the file importable: the entry keeps its time and text, the image becomes its alt text, with a warning naming it', () => {
    const { problem, warnings, images } = problemOf(
      '#### Timeline\n\n- **14:02** Disk full ![graph](https://x.test/g.png)\n- **14:05** _Detected:_ paged\n',
    );
    expect(entriesOf(problem)).toEqual([
      {
        type: 'timelineEntry',
        attrs: { time: '14:02', kind: '' },
        content: [{ type: 'text', text: 'Disk full graph' }],
      },
      {
        type: 'timelineEntry',
        attrs: { time: '14:05', kind: 'detection' },
        content: [{ type: 'text', text: 'paged' }],
      },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"graph"');
    expect(warnings[0]).toContain('https://x.test/g.png');
    expect(warnings[0]).toMatch(/timeline entry/);
    expect(images).toEqual([]);
  });

  it('keeps a linked image as linked alt text, drops one without alt text, and copies neither into the workspace', () => {
    const { problem, warnings, images } = problemOf(
      '#### Timeline\n\n- **14:02** see [![the graph](shots/g.png)](https://x.test/d) now\n- **14:03** ![](shots/h.png)\n- **![t](shots/t.png)** image as the time\n',
    );
    const [linked, bare, timed] = entriesOf(problem);
    expect(linked?.content?.map((n) => [n.text, n.marks?.map((m) => m.attrs?.href ?? m.type)])).toEqual([
      ['see ', undefined],
      ['the graph', ['https://x.test/d']],
      [' now', undefined],
    ]);
    expect(bare).toEqual({ type: 'timelineEntry', attrs: { time: '14:03', kind: '' } });
    expect(timed?.attrs).toEqual({ time: 't', kind: '' });
    expect(warnings).toHaveLength(3);
    expect(warnings[1]).toContain('"shots/h.png"');
    expect(images).toEqual([]);
  });

  it('a list that does not read as a timeline keeps its images, read and warned about once, as a list', () => {
    const { problem, warnings, images } = problemOf(
      '#### Timeline\n\n- **14:02** ![graph](shots/g.png)\n- no time, so an ordinary list\n',
    );
    expect(problem.content?.map((n) => n.type)).toEqual(['heading', 'bulletList']);
    expect(JSON.stringify(problem)).toContain('"src":"shots/g.png"');
    expect(warnings.filter((w) => /timeline/.test(w))).toEqual([]);
    expect(images).toEqual(['shots/g.png']);
  });

  it('an image stored in an entry (hostile JSON) is exported and reads back as its alt text', () => {
    const stored = doc({
      type: 'timeline',
      content: [
        {
          type: 'timelineEntry',
          attrs: { time: '14:02', kind: '' },
          content: [
            { type: 'text', text: 'see ' },
            { type: 'image', attrs: { src: 'https://x.test/g.png', alt: 'graph' } },
          ],
        },
      ],
    });
    const warnings: string[] = [];
    const back = canonicalDoc(doc(...fromMarkdown(toMarkdown(stored), warnings)));
    expect(entriesOf(back)).toEqual([
      { type: 'timelineEntry', attrs: { time: '14:02', kind: '' }, content: [{ type: 'text', text: 'see graph' }] },
    ]);
    expect(warnings).toHaveLength(1);
  });
});

describe('other inline Markdown in a timeline entry', () => {
  const handWritten = [
    '#### Timeline',
    '',
    '- **14:02** see [the graph](https://x.test/g "Grafana") and `df -h`',
    '- **14:03** first line\\',
    '  second line',
    '- **14:04** two spaces  ',
    '  then a new line',
    '- **14:05** a<br>break, <u>underlined</u>, ~~struck~~',
    '- **14:06** <b>raw</b> & <span>tags</span> stay text',
    '',
  ].join('\n');

  it('reads as in a paragraph: links, code, breaks, <u> and <br>; other inline HTML is visible text', () => {
    const warnings: string[] = [];
    const entries = entriesOf(canonicalDoc(doc(...fromMarkdown(handWritten, warnings))));
    expect(entries.map((e) => e.attrs?.time)).toEqual(['14:02', '14:03', '14:04', '14:05', '14:06']);
    const [link, backslash, spaces, html, raw] = entries.map((e) => e.content ?? []);
    expect(link?.find((n) => n.text === 'the graph')?.marks).toMatchObject([
      { type: 'link', attrs: { href: 'https://x.test/g', title: 'Grafana' } },
    ]);
    expect(link?.find((n) => n.text === 'df -h')?.marks).toEqual([{ type: 'code' }]);
    for (const broken of [backslash, spaces, html]) expect(broken?.map((n) => n.type)).toContain('hardBreak');
    expect(html?.find((n) => n.text === 'underlined')?.marks).toEqual([{ type: 'underline' }]);
    expect(html?.find((n) => n.text === 'struck')?.marks).toEqual([{ type: 'strike' }]);
    expect(raw).toEqual([{ type: 'text', text: '<b>raw</b> & <span>tags</span> stay text' }]);
    expect(warnings).toEqual([]);
  });

  it('is written back so that it reads the same again', () => {
    const once = canonicalDoc(doc(...fromMarkdown(handWritten)));
    const warnings: string[] = [];
    const markdown = toMarkdown(once, warnings);
    expect(canonicalDoc(doc(...fromMarkdown(markdown, warnings))), markdown).toEqual(once);
    expect(warnings).toEqual([]);
  });
});
