// TipTap JSON (one study section) → mdast, ready for mdast-util-to-markdown.
// One handler per node type in `blockHandlers`, so a new node (task list, callout) is one entry.
// Inside a section the four section titles are the file's H2s, so editor headings move one
// level down: editor H2 → `###`, H3 → `####`, H4 → `#####` (mdast-to-doc.ts moves them back).
import type { BlockContent, Link, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { safeHref } from '../safe-url';
import { calloutKind } from '../rich-text/callout';
import type { UnderlineNode } from './markdown-syntax';
import { cellCodeText } from './rich-text-normal-form';

export interface DocToMdastContext {
  /** Maps an image's stored src to the src written in Markdown; null drops the image. */
  imageSrc(src: string): string | null;
  warn(message: string): void;
}

type Block = RootContent;
type BlockHandler = (node: RichTextNode, ctx: DocToMdastContext) => Block[];

const children = (node: RichTextNode): RichTextNode[] => node.content ?? [];
const isEmptyParagraph = (node: RichTextNode): boolean => node.type === 'paragraph' && children(node).length === 0;

export function docToMdast(doc: RichTextDoc, ctx: DocToMdastContext): Block[] {
  return blocksToMdast(doc.content ?? [], ctx);
}

function blocksToMdast(nodes: RichTextNode[], ctx: DocToMdastContext): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const handler = blockHandlers.get(node.type);
    if (!handler) {
      ctx.warn(`A "${node.type}" block has no Markdown form; its text was kept as a paragraph.`);
      out.push({ type: 'paragraph', children: [{ type: 'text', value: textOf(node) }] });
      continue;
    }
    out.push(...handler(node, ctx));
  }
  return out;
}

// Looked up in a Map: node types are the document's own strings (`constructor`, `__proto__`).
const BLOCK_HANDLERS = {
  // Markdown has no empty paragraph; an empty one is layout and is dropped.
  paragraph: (node, ctx) => {
    const content = inline(node, ctx, 'flow');
    return content.length === 0 ? [] : [{ type: 'paragraph', children: content }];
  },
  heading: (node, ctx) => {
    const level = Math.min(4, Math.max(2, Number(node.attrs?.level ?? 2)));
    return [{ type: 'heading', depth: (level + 1) as 3 | 4 | 5, children: inline(node, ctx, 'line') }];
  },
  blockquote: (node, ctx) => [{ type: 'blockquote', children: blocksToMdast(children(node), ctx) as BlockContent[] }],
  bulletList: (node, ctx) => [{ type: 'list', ordered: false, spread: false, children: listItems(node, ctx) }],
  orderedList: (node, ctx) => [
    {
      type: 'list',
      ordered: true,
      start: Number(node.attrs?.start ?? 1),
      spread: false,
      children: listItems(node, ctx),
    },
  ],
  taskList: (node, ctx) => [
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: listItems(node, ctx, (item) => item.attrs?.checked === true),
    },
  ],
  // A GFM alert: `> [!NOTE]` on the quote's first line, then the callout's blocks.
  callout: (node, ctx) => {
    const marker: PhrasingContent = { type: 'verbatim', value: `[!${calloutKind(node.attrs?.kind).toUpperCase()}]` };
    const blocks = blocksToMdast(children(node), ctx) as BlockContent[];
    const [first, ...rest] = blocks;
    const head: BlockContent[] =
      first?.type === 'paragraph'
        ? [{ type: 'paragraph', children: [marker, { type: 'verbatim', value: '\n' }, ...first.children] }, ...rest]
        : [{ type: 'paragraph', children: [marker] }, ...blocks];
    return [{ type: 'blockquote', children: head }];
  },
  codeBlock: (node) => {
    // The info string is "<lang> <meta>"; the editor keeps it whole as `language`.
    const info = String(node.attrs?.language ?? '').trim();
    const space = info.search(/\s/);
    const lang = info === '' ? null : space < 0 ? info : info.slice(0, space);
    const meta = space < 0 ? null : info.slice(space + 1).trim() || null;
    return [
      {
        type: 'code',
        lang,
        meta,
        value: children(node)
          .map((c) => c.text ?? '')
          .join(''),
      },
    ];
  },
  horizontalRule: () => [{ type: 'thematicBreak' }],
  image: (node, ctx) => {
    const image = imageToMdast(node, ctx);
    return image ? [{ type: 'paragraph', children: [image] }] : [];
  },
  table: (node, ctx) => [tableToMdast(node, ctx)],
} satisfies Record<string, BlockHandler>;
const blockHandlers = new Map<string, BlockHandler>(Object.entries(BLOCK_HANDLERS));

function listItems(node: RichTextNode, ctx: DocToMdastContext, checked?: (item: RichTextNode) => boolean) {
  return children(node).map((item) => {
    const blocks = blocksToMdast(children(item), ctx) as BlockContent[];
    // `- [ ]` needs text after it to be a task; an empty task gets an encoded space, which
    // import reads back as empty (EMPTY_TASK_TEXT).
    if (checked && blocks[0]?.type !== 'paragraph') {
      blocks.unshift({ type: 'paragraph', children: [{ type: 'verbatim', value: '&#x20;' }] });
    }
    return {
      type: 'listItem' as const,
      ...(checked ? { checked: checked(item) } : {}),
      // A blank line before nested blocks: without it an ordered list not starting at 1, or a
      // quote holding one, would read as paragraph text (it may not interrupt a paragraph).
      spread: children(item).length > 1,
      children: blocks,
    };
  });
}

function imageToMdast(node: RichTextNode, ctx: DocToMdastContext): PhrasingContent | null {
  const stored = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
  const url = ctx.imageSrc(stored);
  if (url === null) return null;
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
  const title = typeof node.attrs?.title === 'string' && node.attrs.title !== '' ? node.attrs.title : null;
  return { type: 'image', url, alt, title };
}

// GFM tables: one header row, then body rows; alignment is per column. A table whose first
// row is not all header cells is written with an empty header row, which import reads back
// as "no header row".
function tableToMdast(node: RichTextNode, ctx: DocToMdastContext): Table {
  const rows = children(node);
  const width = Math.max(1, ...rows.map((r) => children(r).length));
  const first = rows[0] ? children(rows[0]) : [];
  const hasHeader = first.length > 0 && first.every((c) => c.type === 'tableHeader');
  const align = Array.from({ length: width }, (_, i) => {
    const value = first[i]?.attrs?.align;
    return value === 'left' || value === 'right' || value === 'center' ? value : null;
  });
  const toRow = (row: RichTextNode): TableRow => {
    const cells = children(row).map((cell) => cellToMdast(cell, ctx));
    while (cells.length < width) cells.push({ type: 'tableCell', children: [] });
    return { type: 'tableRow', children: cells };
  };
  const emptyHeader: TableRow = {
    type: 'tableRow',
    children: Array.from({ length: width }, () => ({ type: 'tableCell' as const, children: [] })),
  };
  const mdRows = rows.map(toRow);
  return { type: 'table', align, children: hasHeader ? mdRows : [emptyHeader, ...mdRows] };
}

function cellToMdast(cell: RichTextNode, ctx: DocToMdastContext): TableCell {
  if (Number(cell.attrs?.colspan ?? 1) > 1 || Number(cell.attrs?.rowspan ?? 1) > 1) {
    ctx.warn('A merged table cell has no Markdown form; it was written as one ordinary cell.');
  }
  const blocks = children(cell).filter((b) => !isEmptyParagraph(b));
  const out: PhrasingContent[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push({ type: 'html', value: '<br><br>' });
    if (block.type === 'paragraph' || block.type === 'heading') out.push(...inline(block, ctx, 'line'));
    else {
      ctx.warn(`A "${block.type}" inside a table cell has no GFM form; its text was kept.`);
      out.push({ type: 'text', value: textOf(block) });
    }
  });
  if (blocks.length > 1) ctx.warn('A table cell with several paragraphs was joined with line breaks.');
  const lossyCode = (n: RichTextNode): boolean =>
    (n.marks?.some((m) => m.type === 'code') && cellCodeText(n.text ?? '') !== n.text) || children(n).some(lossyCode);
  if (blocks.some(lossyCode)) ctx.warn('Inline code in a table cell cannot hold "\\|" in GFM; it reads back as "|".');
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

// ---- Inline content: ProseMirror's flat marks → mdast's nested phrasing nodes ----

interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}
interface InlineItem {
  leaf: PhrasingContent;
  marks: MarkJSON[];
}

// When two marks start at the same place and run equally far, the earlier one wraps the later.
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline'];
const markKey = (m: MarkJSON): string =>
  `${m.type}:${m.type === 'link' ? String(m.attrs?.href ?? '') + '\u0000' + String(m.attrs?.title ?? '') : ''}`;

/**
 * `flow`: a paragraph, where a line break is Markdown's `\` + newline.
 * `line`: a heading or table cell, which must stay on one line, so a break is `<br>`.
 */
function inline(node: RichTextNode, ctx: DocToMdastContext, where: 'flow' | 'line'): PhrasingContent[] {
  const items: InlineItem[] = [];
  for (const child of children(node)) {
    const marks = ((child.marks ?? []) as MarkJSON[]).flatMap((m): MarkJSON[] => {
      if (m.type === 'code') return []; // code is the leaf itself (it excludes every other mark)
      if (m.type !== 'link') {
        if (MARK_ORDER.includes(m.type)) return [m];
        ctx.warn(`A "${m.type}" mark has no Markdown form; its text was kept without it.`);
        return [];
      }
      // The link keeps exactly the target that was checked (wrap() writes it as it is).
      const href = safeHref(m.attrs?.href);
      if (href !== null) return [{ type: 'link', attrs: { ...m.attrs, href } }];
      ctx.warn(
        `The link to "${String(m.attrs?.href ?? '')}" is not http, https, mailto or relative; its text was kept without the link.`,
      );
      return [];
    });
    if (child.type === 'text') {
      const code = (child.marks ?? []).some((m) => m.type === 'code');
      const value = child.text ?? '';
      if (value === '') continue;
      // Adjacent runs with the same marks are one run (ProseMirror merges them too); two
      // inline code spans side by side would otherwise fuse their backtick fences.
      const last = items[items.length - 1];
      const kind = code ? 'inlineCode' : 'text';
      if (last && last.leaf.type === kind && sameMarks(last.marks, marks))
        (last.leaf as { value: string }).value += value;
      else items.push({ leaf: code ? { type: 'inlineCode', value } : { type: 'text', value }, marks });
    } else if (child.type === 'hardBreak') {
      items.push({ leaf: where === 'flow' ? { type: 'break' } : { type: 'html', value: '<br>' }, marks: [] });
    } else if (child.type === 'image') {
      const image = imageToMdast(child, ctx);
      if (image) items.push({ leaf: image, marks });
    } else {
      ctx.warn(`An inline "${child.type}" has no Markdown form; its text was kept.`);
      items.push({ leaf: { type: 'text', value: textOf(child) }, marks });
    }
  }
  // A break at the end of a paragraph means nothing in Markdown (and a trailing `\` would
  // come back as a literal backslash), so trailing breaks are dropped, in every block alike.
  while (items.length > 0 && isBreak(items[items.length - 1]!.leaf)) items.pop();
  return escapeUnderscores(nest(items));
}

// mdast-util-to-markdown leaves an underscore inside a word bare (`snake_case`), but may then
// encode the neighbouring letter as a character reference next to a mark (`a_&#x61;**`),
// after which the underscore reads as an emphasis delimiter. Writing every underscore in
// text as `\_` (a verbatim escape) avoids that.
function escapeUnderscores(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'text' && node.value.includes('_')) {
      return node.value
        .split('_')
        .flatMap((part, i): PhrasingContent[] => [
          ...(i > 0 ? [{ type: 'verbatim' as const, value: '\\_' }] : []),
          ...(part ? [{ type: 'text' as const, value: part }] : []),
        ]);
    }
    if ('children' in node) {
      return [{ ...node, children: escapeUnderscores(node.children as PhrasingContent[]) } as PhrasingContent];
    }
    return [node];
  });
}

const isBreak = (leaf: PhrasingContent): boolean =>
  leaf.type === 'break' || (leaf.type === 'html' && leaf.value === '<br>');

function sameMarks(a: MarkJSON[], b: MarkJSON[]): boolean {
  const keys = (marks: MarkJSON[]) => marks.map(markKey).sort().join('\u0001');
  return keys(a) === keys(b);
}

function nest(items: InlineItem[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (item.marks.length === 0) {
      out.push(item.leaf);
      i++;
      continue;
    }
    // Open the mark that runs furthest from here, so marks split as little as possible.
    let best: MarkJSON | null = null;
    let bestEnd = i;
    for (const mark of [...item.marks].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type))) {
      let end = i + 1;
      while (end < items.length && items[end]!.marks.some((m) => markKey(m) === markKey(mark))) end++;
      if (end > bestEnd) {
        best = mark;
        bestEnd = end;
      }
    }
    const key = markKey(best!);
    const inner = nest(
      items.slice(i, bestEnd).map((it) => ({ leaf: it.leaf, marks: it.marks.filter((m) => markKey(m) !== key) })),
    );
    out.push(wrap(best!, inner));
    i = bestEnd;
  }
  return out;
}

function wrap(mark: MarkJSON, inner: PhrasingContent[]): PhrasingContent {
  switch (mark.type) {
    case 'bold':
      return { type: 'strong', children: inner };
    case 'italic':
      return { type: 'emphasis', children: inner };
    case 'strike':
      return { type: 'delete', children: inner };
    case 'underline':
      return { type: 'underline', children: inner } satisfies UnderlineNode;
    case 'link': {
      const title = typeof mark.attrs?.title === 'string' && mark.attrs.title !== '' ? mark.attrs.title : null;
      return { type: 'link', url: mark.attrs!.href as string, title, children: inner } as Link;
    }
    default:
      throw new Error(`unreachable: mark ${mark.type} is filtered out before nesting`);
  }
}

export function textOf(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return children(node).map(textOf).join(' ');
}
