// Tables: GFM pipe tables in Markdown (one header row, alignment per column, inline content
// only), <table> with scoped header cells on the site. A table whose first row is not all
// header cells is written with an empty header row, which import reads back as "no header row".
import type {
  Paragraph,
  PhrasingContent,
  Table as MdastTable,
  TableCell as MdastCell,
  TableRow as MdastRow,
} from 'mdast';
import {
  blockReader,
  type BlockModule,
  type HtmlState,
  type MdastReadState,
  type MdastWriteState,
} from '../block-module';
import { positiveInt } from '../html-escape';
import type { RichTextNode } from '../../schemas/rich-text';
import { atLeastOneBlock } from './blockquote';
import { withoutImages } from './image';

const children = (node: RichTextNode): RichTextNode[] => node.content ?? [];

// ---- Site ----

function cellAttributes(node: RichTextNode, scope: string | null): string {
  let out = scope ? ` scope="${scope}"` : '';
  const colspan = positiveInt(node.attrs?.colspan);
  const rowspan = positiveInt(node.attrs?.rowspan);
  if (colspan && colspan > 1) out += ` colspan="${colspan}"`;
  if (rowspan && rowspan > 1) out += ` rowspan="${rowspan}"`;
  return out;
}

function rowHtml(row: RichTextNode, state: HtmlState, headerRow: boolean): string {
  const cells = children(row).map((cell) => {
    const isHeader = cell.type === 'tableHeader';
    const tag = isHeader ? 'th' : 'td';
    const scope = isHeader ? (headerRow ? 'col' : 'row') : null;
    return `<${tag}${cellAttributes(cell, scope)}>${state.childrenOf(cell)}</${tag}>`;
  });
  return `<tr>${cells.join('')}</tr>`;
}

const isHeaderRow = (row: RichTextNode | undefined): boolean =>
  !!row?.content?.length && row.content.every((c) => c.type === 'tableHeader');

// ---- Markdown export ----

/** What inline code in a GFM table cell reads back as: GFM takes `\|` in a cell for a pipe, even in code. */
function cellCodeText(value: string): string {
  return value.replace(/(?<!\\)((?:\\\\)*)\\\|/g, '$1|');
}

function tableToMdast(node: RichTextNode, state: MdastWriteState): MdastTable {
  const rows = children(node);
  const width = Math.max(1, ...rows.map((r) => children(r).length));
  // Stryker disable next-line ArrayDeclaration: with no rows, neither array holds a header cell or an alignment
  const first = rows[0] ? children(rows[0]) : [];
  const hasHeader = first.length > 0 && first.every((c) => c.type === 'tableHeader');
  const align = Array.from({ length: width }, (_, i) => {
    const value = first[i]?.attrs?.align;
    return value === 'left' || value === 'right' || value === 'center' ? value : null;
  });
  const toRow = (row: RichTextNode): MdastRow => {
    const cells = children(row).map((cell) => cellToMdast(cell, state));
    // Stryker disable next-line ObjectLiteral,StringLiteral: the GFM table writer takes a row's cells by position, not by type, and pads every row to the widest
    while (cells.length < width) cells.push({ type: 'tableCell', children: [] });
    // Stryker disable next-line StringLiteral: the GFM table writer takes a row's cells by position, not by type, and pads every row to the widest
    return { type: 'tableRow', children: cells };
  };
  const emptyHeader: MdastRow = {
    // Stryker disable next-line StringLiteral: the GFM table writer takes a row's cells by position, not by type, and pads every row to the widest
    type: 'tableRow',
    // Stryker disable next-line ObjectLiteral: the GFM table writer takes a row's cells by position, not by type, and pads every row to the widest
    children: Array.from({ length: width }, () => ({ type: 'tableCell' as const, children: [] })),
  };
  const mdRows = rows.map(toRow);
  return { type: 'table', align, children: hasHeader ? mdRows : [emptyHeader, ...mdRows] };
}

function cellToMdast(cell: RichTextNode, state: MdastWriteState): MdastCell {
  if (Number(cell.attrs?.colspan ?? 1) > 1 || Number(cell.attrs?.rowspan ?? 1) > 1) {
    state.warn('A merged table cell has no Markdown form; it was written as one ordinary cell.');
  }
  const blocks = children(cell).filter((b) => !(b.type === 'paragraph' && children(b).length === 0));
  const out: PhrasingContent[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push({ type: 'html', value: '<br><br>' });
    if (block.type === 'paragraph' || block.type === 'heading')
      // Stryker disable next-line StringLiteral: only "flow" makes a hard break Markdown's own; any other value writes <br>
      out.push(...state.inline(block, 'line'));
    else {
      state.warn(`A "${block.type}" inside a table cell has no GFM form; its text was kept.`);
      out.push({ type: 'text', value: state.textOf(block) });
    }
  });
  if (blocks.length > 1) state.warn('A table cell with several paragraphs was joined with line breaks.');
  const lossyCode = (n: RichTextNode): boolean =>
    (n.marks?.some((m) => m.type === 'code') &&
      // Stryker disable next-line StringLiteral: a code node without text warns either way ("" and any string differ from undefined)
      cellCodeText(n.text ?? '') !== n.text) ||
    children(n).some(lossyCode);
  if (blocks.some(lossyCode)) state.warn('Inline code in a table cell cannot hold "\\|" in GFM; it reads back as "|".');
  // Stryker disable next-line StringLiteral: the GFM table writer takes a row's cells by position, not by type, and pads every row to the widest
  return { type: 'tableCell', children: protectCellEdges(out) };
}

// GFM trims whitespace at both ends of a cell; a character reference there survives.
function protectCellEdges(nodes: PhrasingContent[]): PhrasingContent[] {
  const ref = (ch: string): PhrasingContent => ({ type: 'html', value: `&#x${ch.charCodeAt(0).toString(16)};` });
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text' && /^[ \t]/.test(first.value)) {
    const rest = first.value.slice(1);
    out.splice(0, 1, ref(first.value), ...(rest ? [{ ...first, value: rest }] : []));
  }
  const last = out[out.length - 1];
  if (last?.type === 'text' && /[ \t]$/.test(last.value)) {
    const rest = last.value.slice(0, -1);
    out.splice(out.length - 1, 1, ...(rest ? [{ ...last, value: rest }] : []), ref(last.value.slice(-1)));
  }
  return out;
}

// ---- Markdown import ----

function tableToDoc(node: MdastTable, state: MdastReadState): RichTextNode {
  // Stryker disable next-line ArrayDeclaration: the GFM parser always gives a table its alignments
  const align = node.align ?? [];
  const [head, ...body] = node.children;
  // An all-empty header row is how export writes "this table has no header row".
  const headless = !head || head.children.every((cell) => cell.children.length === 0);
  const row = (r: MdastRow, header: boolean): RichTextNode => ({
    type: 'tableRow',
    content: r.children.map((cell, i) => {
      const inline = withoutImages(state.phrasing(cell.children, []), 'a table cell', state);
      return {
        type: header ? 'tableHeader' : 'tableCell',
        attrs: { align: align[i] ?? null },
        content: [inline.length > 0 ? { type: 'paragraph', content: inline } : { type: 'paragraph' }],
      };
    }),
  });
  const rows = headless ? body.map((r) => row(r, false)) : [row(head, true), ...body.map((r) => row(r, false))];
  return rows.length > 0 ? { type: 'table', content: rows } : { type: 'paragraph' };
}

// GFM needs a delimiter row (`| --- |`); pipe rows without one parse as a paragraph. When every
// line of a paragraph is a pipe row, read it as a table without a header row.
function headerlessTable(node: Paragraph, state: MdastReadState): RichTextNode[] | null {
  const text = state.sourceOf(node);
  if (text === null) return null;
  const lines = text.split('\n').map((l) => l.trim());
  if (!lines.every((l) => l.length >= 2 && l.startsWith('|') && l.endsWith('|') && !l.endsWith('\\|'))) return null;
  // Stryker disable next-line MethodExpression,UnaryOperator,Regex: the parser keeps a body row's cells past the header's, so any header width reads the same
  const width = Math.max(...lines.map((l) => l.slice(1, -1).split(/(?<!\\)\|/).length));
  const header = `|${' |'.repeat(width)}\n|${' --- |'.repeat(width)}\n`;
  // The header and delimiter rows written above always open a table.
  const table = state.parse(header + lines.join('\n')).children[0] as MdastTable;
  return [tableToDoc(table, state)];
}

// ---- Normal form ----

function inCell(node: RichTextNode): RichTextNode {
  // Stryker disable next-line MethodExpression: canonicalDoc, run first, rejects a code run with any other mark (code excludes them)
  if (node.type === 'text' && node.marks?.some((m) => m.type === 'code'))
    // Stryker disable next-line StringLiteral: canonicalDoc, run first, rejects a text node without text
    return { ...node, text: cellCodeText(node.text ?? '') };
  return node.content ? { ...node, content: node.content.map(inCell) } : node;
}

// Cell alignment is the column's (taken from the first row); the first row is a header row only
// if all its cells are headers, every other row holds ordinary cells.
function normalTable(table: RichTextNode, normalize: (child: RichTextNode) => RichTextNode): RichTextNode {
  const rows = children(table);
  // Stryker disable next-line ObjectLiteral,StringLiteral: children() reads only content, which neither object has
  const first = children(rows[0] ?? { type: 'tableRow' });
  const headerRow = isHeaderRow(rows[0]);
  // Stryker disable next-line OptionalChaining: canonicalDoc, run first, gives every cell its attrs
  const align = first.map((c) => c.attrs?.align ?? null);
  return {
    type: 'table',
    content: rows.map((row, r) => ({
      type: 'tableRow',
      content: children(row).map((cell, i) =>
        normalize({
          ...inCell(cell),
          type: r === 0 && headerRow ? 'tableHeader' : 'tableCell',
          attrs: { align: align[i] ?? null },
        }),
      ),
    })),
  };
}

// ---- The modules ----

const cellText = (type: string, value: string): RichTextNode => ({
  type,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
});

export const table: BlockModule = {
  html: (node, state) => {
    const rows = children(node).filter((r) => r.type === 'tableRow');
    const first = rows[0];
    const hasHead = isHeaderRow(first);
    const head = hasHead ? `<thead>${rowHtml(first!, state, true)}</thead>` : '';
    const body = (hasHead ? rows.slice(1) : rows).map((r) => rowHtml(r, state, false)).join('');
    // The wrapper scrolls wide tables on narrow screens; tabindex keeps it keyboard-reachable.
    return `<div class="table-wrap" tabindex="0"><table>${head}${body ? `<tbody>${body}</tbody>` : ''}</table></div>`;
  },
  toMdast: (node, state) => [tableToMdast(node, state)],
  fromMdast: [
    blockReader('table', (node, state) => [tableToDoc(node, state)]),
    // Before the paragraph reader: pipe rows without a delimiter row.
    blockReader('paragraph', (node, state) => headerlessTable(node, state)),
  ],
  normalForm: { node: normalTable },
  probe: [
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cellText('tableHeader', 'h1'), cellText('tableHeader', 'h2')] },
        {
          type: 'tableRow',
          content: [cellText('tableHeader', 'r'), { ...cellText('tableCell', 'c'), attrs: { colspan: 2 } }],
        },
      ],
    },
  ],
};

// Rows and cells are rendered, written and read by their table.
export const tableRow: BlockModule = {};

const cellNormalForm = {
  attrs: (attrs: Record<string, unknown>) => ({ align: attrs.align ?? null }),
  content: atLeastOneBlock,
};
export const tableHeader: BlockModule = { normalForm: cellNormalForm };
export const tableCell: BlockModule = { normalForm: cellNormalForm };
