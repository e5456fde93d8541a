// Tables: the site's <table> (a header row only when every first-row cell is a header, scoped
// header cells, merged cells), the GFM pipe table written (column alignment, short rows, cell
// edges, what a cell cannot hold) and read (alignment, empty cells, pipe rows without a
// delimiter row), and the normal form both ways agree on.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';
import { cell, p, row, t, table } from '../../helpers/table-nodes';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const wrap = (inner: string) => `<div class="table-wrap" tabindex="0"><table>${inner}</table></div>`;

describe('a table on the site', () => {
  it('scopes header cells by row or column and writes only real merges (golden)', () => {
    const html = richTextToHtml(
      doc(
        table(
          row(cell('tableHeader', 'Metric', { colspan: 2 }), cell('tableHeader', 'After', { colspan: 1 })),
          row(cell('tableHeader', 'p99', { rowspan: '3' }), cell('tableCell', '420 ms', { colspan: 'x' })),
          p(t('not a row')),
        ),
      ),
    );
    expect(html).toBe(
      wrap(
        '<thead><tr><th scope="col" colspan="2"><p>Metric</p></th><th scope="col"><p>After</p></th></tr></thead>' +
          '<tbody><tr><th scope="row" rowspan="3"><p>p99</p></th><td><p>420 ms</p></td></tr></tbody>',
      ),
    );
  });

  it('has no header row unless every first-row cell is a header, and no empty body', () => {
    expect(richTextToHtml(doc(table(row(cell('tableCell', 'a'), cell('tableHeader', 'b')))))).toBe(
      wrap('<tbody><tr><td><p>a</p></td><th scope="row"><p>b</p></th></tr></tbody>'),
    );
    expect(richTextToHtml(doc(table(row(), row(cell('tableCell', 'a')))))).toBe(
      wrap('<tbody><tr></tr><tr><td><p>a</p></td></tr></tbody>'),
    );
    expect(richTextToHtml(doc(table(row(cell('tableHeader', 'only')))))).toBe(
      wrap('<thead><tr><th scope="col"><p>only</p></th></tr></thead>'),
    );
  });
});

describe('a table written as Markdown', () => {
  it('aligns each column as its first cell says, pads short rows and keeps spaces at cell edges', () => {
    const d = doc(
      table(
        row(
          cell('tableHeader', 'L', { align: 'left' }),
          cell('tableHeader', 'C', { align: 'center' }),
          cell('tableHeader', 'R', { align: 'right' }),
          cell('tableHeader', 'X', { align: 'justify' }),
        ),
        row(cell('tableCell', ' pad '), cell('tableCell', '\tx')),
      ),
    );
    const warnings: string[] = [];
    expect(toMarkdown(d, warnings)).toBe(
      '| L               |    C   |  R | X |\n' +
        '| :-------------- | :----: | -: | - |\n' +
        '| &#x20;pad&#x20; | &#x9;x |    |   |\n',
    );
    expect(warnings).toEqual([]);
    const back = fromMarkdown(toMarkdown(d));
    const cells = back[0]!.content![1]!.content!;
    expect(cells.map((c) => c.content![0]!.content?.[0]?.text)).toEqual([' pad ', '\tx', undefined, undefined]);
    expect(cells.map((c) => c.attrs?.align)).toEqual(['left', 'center', 'right', null]);
  });

  it('joins the blocks of a cell with line breaks and says what a cell could not hold', () => {
    const merged: RichTextNode = {
      type: 'tableCell',
      attrs: { rowspan: 2 },
      content: [
        p(t('one')),
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [t('two', 'bold')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('three'))] }] },
      ],
    };
    const warnings: string[] = [];
    const md = toMarkdown(doc(table(row(merged, { type: 'tableCell', content: [p(t('a\\|b', 'code'))] }))), warnings);
    expect(md).toBe(
      `| ${' '.repeat(31)} |        |\n` +
        `| ${'-'.repeat(31)} | ------ |\n` +
        '| one<br><br>**two**<br><br>three | `a\\|b` |\n',
    );
    expect(warnings).toEqual([
      'A merged table cell has no Markdown form; it was written as one ordinary cell.',
      'A "bulletList" inside a table cell has no GFM form; its text was kept.',
      'A table cell with several paragraphs was joined with line breaks.',
      'Inline code in a table cell cannot hold "\\|" in GFM; it reads back as "|".',
    ]);
  });

  it('writes a single paragraph, plain code and unmerged cells without a warning', () => {
    const plain: RichTextNode = {
      type: 'tableCell',
      attrs: { colspan: 1, rowspan: '1' },
      content: [p(t('a|b', 'code'))],
    };
    const { markdown, warnings } = throughMarkdown(doc(table(row(plain))));
    expect(markdown).toBe('|        |\n| ------ |\n| `a\\|b` |\n');
    expect(warnings).toEqual([]);
  });
});

describe('a table read from Markdown', () => {
  it('takes alignment per column, leaves an empty cell empty and an image out', () => {
    const warnings: string[] = [];
    const [read] = fromMarkdown('| a | ![pic](x.png) |\n| :- | -: |\n|  | b |\n', warnings);
    expect(read?.content?.map((r) => r.content!.map((c) => [c.type, c.attrs?.align, c.content]))).toEqual([
      [
        ['tableHeader', 'left', [p(t('a'))]],
        ['tableHeader', 'right', [{ type: 'paragraph' }]],
      ],
      [
        ['tableCell', 'left', [{ type: 'paragraph' }]],
        ['tableCell', 'right', [p(t('b'))]],
      ],
    ]);
    expect(warnings).toEqual(['An image inside a table cell was left out: images stand on their own line.']);
  });

  it('reads a table of only an empty header row as an empty paragraph', () => {
    expect(fromMarkdown('|   |\n| - |\n')).toEqual([{ type: 'paragraph' }]);
  });

  it('reads ragged pipe rows as a table as wide as its widest row, and other lines as text', () => {
    const [read] = fromMarkdown('| a | b | c |\n|d|\n');
    expect(read?.content?.map((r) => r.content!.map((c) => c.content![0]!.content?.[0]?.text))).toEqual([
      ['a', 'b', 'c'],
      ['d'],
    ]);
    expect(fromMarkdown('| a |\n| b \\|\n')[0]?.type).toBe('paragraph');
    expect(fromMarkdown('| a |\n|\n')[0]?.type).toBe('paragraph');
    expect(fromMarkdown('| a |\nb |\n')[0]?.type).toBe('paragraph');
    expect(fromMarkdown('| a |\n| b\n')[0]?.type).toBe('paragraph');
  });
});

describe("a table's normal form", () => {
  it('takes the header row and each column alignment from the first row, and code as GFM reads it', () => {
    const d = doc(
      table(
        row(cell('tableHeader', 'h', { align: 'left' }), cell('tableHeader', 'i', { align: 'right' })),
        row(cell('tableHeader', 'r', { align: 'center' }), { type: 'tableCell', content: [p(t('a\\|b', 'code'))] }),
      ),
    );
    const [normal] = markdownNormalForm(d).content!;
    expect(normal!.content!.map((r) => r.content!.map((c) => [c.type, c.attrs?.align]))).toEqual([
      [
        ['tableHeader', 'left'],
        ['tableHeader', 'right'],
      ],
      [
        ['tableCell', 'left'],
        ['tableCell', 'right'],
      ],
    ]);
    expect(normal!.content![1]!.content![1]!.content![0]!.content![0]!.text).toBe('a|b');
    const mixed = markdownNormalForm(doc(table(row(cell('tableHeader', 'h'), cell('tableCell', 'c')))));
    expect(mixed.content![0]!.content![0]!.content!.map((c) => [c.type, c.attrs?.align])).toEqual([
      ['tableCell', null],
      ['tableCell', null],
    ]);
    expect(throughMarkdown(d).back).toEqual(markdownNormalForm(d));
  });
});
