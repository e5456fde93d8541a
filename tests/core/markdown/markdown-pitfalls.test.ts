// Golden tests for the Markdown constructs that usually break converters: each checks the
// exact Markdown written (or read) and that the content survives the trip back.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { describe, expect, it } from 'vitest';
import { markdownExport } from '../../../src/core/node/markdown/markdown-export';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { emptyDoc } from '../../../src/core/pure/schemas/rich-text';
import type { Study } from '../../../src/core/pure/schemas/study';

const text = (t: string, ...marks: string[]): RichTextNode =>
  marks.length ? { type: 'text', text: t, marks: marks.map((type) => ({ type })) } : { type: 'text', text: t };
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const cell = (type: 'tableCell' | 'tableHeader', t: string): RichTextNode => ({ type, content: [p(text(t))] });
const li = (...content: RichTextNode[]): RichTextNode => ({ type: 'listItem', content });

function study(problem: RichTextDoc): Study {
  return {
    schemaVersion: STUDY_FORMAT,
    id: 'pitfall',
    slug: 'pitfall',
    title: 'Pitfall',
    summary: '',
    status: 'published',
    outcome: null,
    categories: [],
    tags: [],
    featured: false,
    metrics: [],
    authors: [],
    cover: null,
    language: null,
    conflictCount: 0,
    conflicts: [],
    date: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    problem,
    decisions: emptyDoc(),
    tradeoffs: emptyDoc(),
    lessons: emptyDoc(),
  };
}

/** The Markdown written for the Problem section, without front matter or section headings. */
function problemMarkdown(problem: RichTextDoc): string {
  const { files } = markdownExport({
    site: defaultSiteSettings(),
    studies: [study(problem)],
    readAsset: () => null,
    drafts: true,
  });
  const md = files[0]!.contents as string;
  return md.slice(md.indexOf('## Problem\n\n') + '## Problem\n\n'.length, md.indexOf('\n## Decisions'));
}

function problemBack(problem: RichTextDoc): RichTextDoc {
  const { files } = markdownExport({
    site: defaultSiteSettings(),
    studies: [study(problem)],
    readAsset: () => null,
    drafts: true,
  });
  const parsed = parseMarkdownStudy(files[0]!.contents as string, 'pitfall/index.md');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.study.problem!;
}

function expectRoundTrip(problem: RichTextDoc) {
  expect(problemBack(problem)).toEqual(markdownNormalForm(problem));
}

function parseProblem(body: string): RichTextDoc {
  const parsed = parseMarkdownStudy(`---\ntitle: "t"\n---\n## Problem\n\n${body}`, 'x.md');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.study.problem!;
}

describe('Markdown pitfalls on export', () => {
  it('escapes a pipe inside a table cell, in text and in inline code', () => {
    const table = doc({
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'a | b'), cell('tableHeader', 'c')] },
        {
          type: 'tableRow',
          content: [cell('tableCell', 'x|y'), { type: 'tableCell', content: [p(text('p|q', 'code'))] }],
        },
      ],
    });
    expect(problemMarkdown(table)).toBe('| a \\| b | c      |\n| ------ | ------ |\n| x\\|y   | `p\\|q` |\n');
    expectRoundTrip(table);
  });

  it('fences inline code holding backticks with a longer backtick run', () => {
    const d = doc(p(text('say '), text('a`b', 'code'), text(' and '), text('``x', 'code')));
    expect(problemMarkdown(d)).toBe('say ``a`b`` and ` ``x `\n');
    expectRoundTrip(d);
  });

  it('fences a code block holding ``` with a longer fence and keeps its language', () => {
    const d = doc({ type: 'codeBlock', attrs: { language: 'markdown' }, content: [text('```js\nx()\n```')] });
    expect(problemMarkdown(d)).toBe('````markdown\n```js\nx()\n```\n````\n');
    expectRoundTrip(d);
  });

  it('keeps nested ordered lists nested, with their start numbers', () => {
    const d = doc({
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        li(p(text('three')), {
          type: 'orderedList',
          attrs: { start: 7 },
          content: [li(p(text('seven'))), li(p(text('eight')))],
        }),
        li(p(text('four'))),
      ],
    });
    expect(problemMarkdown(d)).toBe('3. three\n\n   7. seven\n   8. eight\n4. four\n');
    expectRoundTrip(d);
  });

  it('escapes a paragraph starting with # so it stays a paragraph', () => {
    const d = doc(p(text('# not a heading')), p(text('#hashtag and 1. not a list')));
    expect(problemMarkdown(d)).toBe('\\# not a heading\n\n\\#hashtag and 1. not a list\n');
    expectRoundTrip(d);
  });

  it('moves editor headings one level down inside a section', () => {
    const h = (level: number, t: string): RichTextNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
    const d = doc(h(2, 'Two'), h(3, 'Three'), h(4, 'Four'));
    expect(problemMarkdown(d)).toBe('### Two\n\n#### Three\n\n##### Four\n');
    expectRoundTrip(d);
  });

  it('writes underline as <u> and reads it back', () => {
    const d = doc(p(text('plain '), text('under', 'underline'), text(' '), text('both', 'bold', 'underline')));
    expect(problemMarkdown(d)).toBe('plain <u>under</u> **<u>both</u>**\n');
    expectRoundTrip(d);
  });

  it('writes a table without a header row with an empty header row, and reads it back headerless', () => {
    const d = doc({
      type: 'table',
      content: [{ type: 'tableRow', content: [cell('tableCell', 'a'), cell('tableCell', 'b')] }],
    });
    expect(problemMarkdown(d)).toBe('|   |   |\n| - | - |\n| a | b |\n');
    expectRoundTrip(d);
  });

  it('writes task lists as GFM task items, an empty one included', () => {
    const task = (checked: boolean, ...content: RichTextNode[]): RichTextNode => ({
      type: 'taskItem',
      attrs: { checked },
      content,
    });
    const d = doc({
      type: 'taskList',
      content: [task(true, p(text('done'))), task(false, p(text('todo'))), task(false, { type: 'paragraph' })],
    });
    expect(problemMarkdown(d)).toBe('- [x] done\n- [ ] todo\n- [ ] &#x20;\n');
    expectRoundTrip(d);
  });

  it('writes a callout as a GFM alert', () => {
    const d = doc({
      type: 'callout',
      attrs: { kind: 'warning' },
      content: [p(text('Back up first.')), p(text('Really.'))],
    });
    expect(problemMarkdown(d)).toBe('> [!WARNING]\n> Back up first.\n>\n> Really.\n');
    expectRoundTrip(d);
  });

  it('turns a javascript: link into plain text and says so', () => {
    const d = doc(
      p({ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }),
    );
    const { warnings, files } = markdownExport({
      site: defaultSiteSettings(),
      studies: [study(d)],
      readAsset: () => null,
      drafts: true,
    });
    expect(files[0]!.contents).not.toContain('javascript:');
    expect(warnings.join('\n')).toMatch(/javascript:alert\(1\)/);
  });
});

describe('Markdown pitfalls on import', () => {
  it('reads ~~~ fences, with their language', () => {
    expect(parseProblem('~~~python\nprint("```")\n~~~\n')).toEqual(
      markdownNormalForm(doc({ type: 'codeBlock', attrs: { language: 'python' }, content: [text('print("```")')] })),
    );
  });

  it('reads pipe rows without a delimiter row as a table without a header row', () => {
    const got = parseProblem('| a | b |\n| c \\| d | **e** |\n');
    expect(got).toEqual(
      markdownNormalForm(
        doc({
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableCell', 'a'), cell('tableCell', 'b')] },
            {
              type: 'tableRow',
              content: [cell('tableCell', 'c | d'), { type: 'tableCell', content: [p(text('e', 'bold'))] }],
            },
          ],
        }),
      ),
    );
  });

  it("reads GitHub's alerts as callouts, and a quote without the marker as a quote", () => {
    const got = parseProblem('> [!TIP]\n> Cache it.\n\n> [!CAUTION]\n\n> Plain quote [!NOTE]\n');
    expect(got).toEqual(
      markdownNormalForm(
        doc(
          { type: 'callout', attrs: { kind: 'tip' }, content: [p(text('Cache it.'))] },
          { type: 'callout', attrs: { kind: 'warning' }, content: [{ type: 'paragraph' }] },
          { type: 'blockquote', content: [p(text('Plain quote [!NOTE]'))] },
        ),
      ),
    );
  });

  it('keeps a paragraph that merely contains pipes a paragraph', () => {
    expect(parseProblem('cost | benefit\n')).toEqual(markdownNormalForm(doc(p(text('cost | benefit')))));
  });
});
