// Tables at their edges: cells merged over one row, damaged tables (no rows, a row without
// cells), first rows that are empty, mixed or short, alignments GFM has no form for, what a cell
// writes and warns about at its edges, pipe rows read without a delimiter row, and the normal
// form of text that only looks like code.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';
import { cell, p, row, t, table } from '../../helpers/table-nodes';

const blocksCell = (...content: RichTextNode[]): RichTextNode => ({ type: 'tableCell', content });
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const wrap = (inner: string) => `<div class="table-wrap" tabindex="0"><table>${inner}</table></div>`;
const written = (d: RichTextDoc) => {
  const warnings: string[] = [];
  return { markdown: toMarkdown(d, warnings), warnings };
};
const texts = (read: RichTextNode | undefined) =>
  read?.content?.map((r) => r.content!.map((c) => c.content![0]!.content?.[0]?.text ?? ''));

describe('a table on the site, at its edges', () => {
  it('writes no rowspan for a cell spanning one row', () => {
    expect(richTextToHtml(doc(table(row(cell('tableCell', 'a', { rowspan: 1, colspan: 1 })))))).toBe(
      wrap('<tbody><tr><td><p>a</p></td></tr></tbody>'),
    );
  });

  it('renders a damaged table with no rows, or a first row without cells, without a header', () => {
    expect(richTextToHtml(doc(table(p(t('not a row')))))).toBe(wrap(''));
    expect(richTextToHtml(doc(table({ type: 'tableRow' }, row(cell('tableHeader', 'h')))))).toBe(
      wrap('<tbody><tr></tr><tr><th scope="row"><p>h</p></th></tr></tbody>'),
    );
  });
});

describe('a table written as Markdown, at its edges', () => {
  it('writes an empty first row as a row, under an empty header row', () => {
    const { markdown } = written(doc(table(row(), row(cell('tableCell', 'a')))));
    expect(markdown).toBe('|   |\n| - |\n|   |\n| a |\n');
  });

  it('writes a first row of a cell and a header as ordinary cells under an empty header row', () => {
    const d = doc(table(row(cell('tableCell', 'a'), cell('tableHeader', 'b'))));
    expect(written(d).markdown).toBe('|   |   |\n| - | - |\n| a | b |\n');
    expect(fromMarkdown(written(d).markdown)[0]!.content![0]!.content!.map((c) => c.type)).toEqual([
      'tableCell',
      'tableCell',
    ]);
  });

  it('aligns the columns past a short first row as none, and an alignment GFM lacks as none', () => {
    const short = doc(
      table(row(cell('tableHeader', 'a', { align: 'center' })), row(cell('tableCell', 'b'), cell('tableCell', 'c'))),
    );
    expect(written(short).markdown).toBe('|  a  |   |\n| :-: | - |\n|  b  | c |\n');
    // HTML's align="char" has no GFM form; it must not read as "center" for its first letter.
    expect(written(doc(table(row(cell('tableHeader', 'a', { align: 'char' }))))).markdown).toBe('| a |\n| - |\n');
  });

  it('warns about a cell merged across columns only', () => {
    const { markdown, warnings } = written(doc(table(row(cell('tableCell', 'a', { colspan: 2 })))));
    expect(markdown).toBe('|   |\n| - |\n| a |\n');
    expect(warnings).toEqual(['A merged table cell has no Markdown form; it was written as one ordinary cell.']);
  });

  it('keeps a rule in a cell as its (empty) text and says so', () => {
    const { markdown, warnings } = written(doc(table(row(blocksCell(p(t('a')), { type: 'horizontalRule' })))));
    expect(markdown).toBe('|           |\n| --------- |\n| a<br><br> |\n');
    expect(warnings).toEqual([
      'A "horizontalRule" inside a table cell has no GFM form; its text was kept.',
      'A table cell with several paragraphs was joined with line breaks.',
    ]);
  });

  it('warns about "\\|" in code in any paragraph of a cell, and not about "\\|" in plain text', () => {
    const lossy = written(doc(table(row(blocksCell(p(t('a')), p(t('x\\|y', 'code')))))));
    expect(lossy.warnings).toContain('Inline code in a table cell cannot hold "\\|" in GFM; it reads back as "|".');
    // The editor keeps code apart from other marks; a hand-edited file may not.
    const bold = written(doc(table(row(blocksCell(p(t('x\\|y', 'bold', 'code')))))));
    expect(bold.warnings).toEqual(['Inline code in a table cell cannot hold "\\|" in GFM; it reads back as "|".']);
    const plain = throughMarkdown(doc(table(row(blocksCell(p(t('a\\|b'), t(' c\\|d', 'bold')))))));
    expect(plain.warnings).toEqual([]);
    expect(plain.back.content![0]!.content![0]!.content![0]!.content![0]!.content!.map((n) => n.text)).toEqual([
      'a\\|b',
      ' c\\|d',
    ]);
  });

  it('writes empty cells, a cell of one space and a space after bold without losing them', () => {
    const d = doc(
      table(
        row(
          cell('tableCell', 'a'),
          blocksCell({ type: 'paragraph' }),
          cell('tableCell', ' '),
          blocksCell(p(t('b', 'bold'), t(' '))),
        ),
      ),
    );
    expect(written(d).markdown).toBe(
      '|   |   |        |             |\n| - | - | ------ | ----------- |\n| a |   | &#x20; | **b**&#x20; |\n',
    );
    const cells = throughMarkdown(d).back.content![0]!.content![0]!.content!;
    expect(cells.map((c) => c.content![0]!.content?.map((n) => n.text))).toEqual([['a'], undefined, [' '], ['b', ' ']]);
  });
});

describe('a table read from Markdown, at its edges', () => {
  it('keeps a header row that has one empty cell', () => {
    const [read] = fromMarkdown('| a |   |\n| - | - |\n| b | c |\n');
    expect(read!.content!.map((r) => r.content!.map((c) => c.type))).toEqual([
      ['tableHeader', 'tableHeader'],
      ['tableCell', 'tableCell'],
    ]);
    expect(texts(read)).toEqual([
      ['a', ''],
      ['b', 'c'],
    ]);
  });

  it('reads indented pipe rows and an empty "||" row as a table without a header row', () => {
    expect(texts(fromMarkdown('  | a |\n  | b | \n')[0])).toEqual([['a'], ['b']]);
    const [read] = fromMarkdown('| a |\n||\n');
    expect(read?.type).toBe('table');
    expect(texts(read)).toEqual([['a'], ['']]);
  });

  it('leaves pipe rows with no source text to re-read (a tree built by code) as a paragraph', () => {
    const rows = { type: 'paragraph' as const, children: [{ type: 'text' as const, value: '| a |' }] };
    const ctx = { source: '', definitions: new Map(), images: [], warn: () => undefined };
    expect(mdastToBlocks([rows], ctx)).toEqual([p(t('| a |'))]);
  });
});

describe("a table's normal form, at its edges", () => {
  it('keeps "\\|" in plain and bold text, which GFM reads back as written', () => {
    const d = doc(table(row(cell('tableCell', 'a\\|b'), blocksCell(p(t('c\\|d', 'bold'))))));
    const normal = markdownNormalForm(d);
    expect(texts(normal.content![0])).toEqual([['a\\|b', 'c\\|d']]);
    expect(throughMarkdown(d).back).toEqual(normal);
  });
});
