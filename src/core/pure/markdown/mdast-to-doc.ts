// mdast (one study section) → TipTap JSON blocks. The inverse of doc-to-mdast.ts, plus the
// leniency a hand-written file needs: `<u>…</u>` and `<br>` become underline and hard breaks,
// other raw HTML is kept as visible text, reference-style links are resolved, images inside a
// paragraph become image blocks, and pipe rows without a delimiter row become a table.
import type { Definition, Nodes, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { RichTextNode } from '../schemas/rich-text';
import { safeHref, safeRemoteUrl } from '../safe-url';
import { markdownToMdast } from './markdown-syntax';

export interface MdastToDocContext {
  /** The whole file's text, to re-read pipe rows that the parser took for a paragraph. */
  source: string;
  definitions: Map<string, Definition>;
  /** Relative image paths met, in order (import copies them into the workspace). */
  images: string[];
  warn(message: string): void;
}

type Mark = { type: string; attrs?: Record<string, unknown> };
type BlockHandler = (node: never, ctx: MdastToDocContext) => RichTextNode[];

const paragraph = (content: RichTextNode[] = []): RichTextNode =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };

export function mdastToBlocks(nodes: RootContent[], ctx: MdastToDocContext): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const node of nodes) {
    const handler = blockHandlers.get(node.type) as
      ((n: RootContent, c: MdastToDocContext) => RichTextNode[]) | undefined;
    if (handler) out.push(...handler(node, ctx));
    else if (node.type !== 'definition') {
      ctx.warn(`Markdown "${node.type}" has no place in a case study; its text was kept.`);
      out.push(paragraph(textNodes(plain(node), [])));
    }
  }
  return out;
}

/** Section heading levels: `###` → editor H2, `####` → H3, `#####`/`######` → H4; H1/H2 → H2. */
export function editorHeadingLevel(depth: number): number {
  return Math.min(4, Math.max(2, depth - 1));
}

const BLOCK_HANDLERS = {
  paragraph: (node: Paragraph, ctx) => headerlessTable(node, ctx) ?? paragraphToBlocks(node.children, ctx),
  heading: (node: { depth: number; children: PhrasingContent[] }, ctx) => {
    const content = withoutImages(phrasing(node.children, [], ctx), 'a heading', ctx);
    return [
      { type: 'heading', attrs: { level: editorHeadingLevel(node.depth) }, ...(content.length ? { content } : {}) },
    ];
  },
  blockquote: (node: { children: RootContent[] }, ctx) => {
    const alert = alertKind(node.children);
    if (alert)
      return [{ type: 'callout', attrs: { kind: alert.kind }, content: nonEmpty(mdastToBlocks(alert.rest, ctx)) }];
    return [{ type: 'blockquote', content: nonEmpty(mdastToBlocks(node.children, ctx)) }];
  },
  list: (
    node: {
      ordered?: boolean | null;
      start?: number | null;
      children: { checked?: boolean | null; children: RootContent[] }[];
    },
    ctx,
  ) => {
    // A list with `[ ]` / `[x]` items is a task list (GFM).
    const tasks = !node.ordered && node.children.some((item) => typeof item.checked === 'boolean');
    const items = node.children.map((item) => {
      const content = mdastToBlocks(item.children, ctx);
      // An editor list item starts with a paragraph.
      if (content[0]?.type !== 'paragraph') content.unshift(paragraph());
      if (tasks && isEmptyTaskText(content[0]!)) content[0] = paragraph();
      return tasks
        ? { type: 'taskItem', attrs: { checked: item.checked === true }, content }
        : { type: 'listItem', content };
    });
    if (tasks) return [{ type: 'taskList', content: items }];
    return node.ordered
      ? [{ type: 'orderedList', attrs: { start: node.start ?? 1 }, content: items }]
      : [{ type: 'bulletList', content: items }];
  },
  code: (node: { lang?: string | null; meta?: string | null; value: string }) => {
    const language = node.lang ? (node.meta ? `${node.lang} ${node.meta}` : node.lang) : null;
    return [
      {
        type: 'codeBlock',
        attrs: { language },
        ...(node.value ? { content: [{ type: 'text', text: node.value }] } : {}),
      },
    ];
  },
  thematicBreak: () => [{ type: 'horizontalRule' }],
  table: (node: Table, ctx) => [tableToDoc(node, ctx)],
  html: (node: { value: string }, ctx) => {
    ctx.warn('Raw HTML was kept as visible text.');
    const lines = node.value.split('\n');
    const content: RichTextNode[] = [];
    lines.forEach((line, i) => {
      if (i > 0) content.push({ type: 'hardBreak' });
      if (line !== '') content.push({ type: 'text', text: line });
    });
    return [paragraph(content)];
  },
} satisfies Record<string, BlockHandler>;
// A Map, so a node type named like an Object member (`constructor`) finds no handler.
const blockHandlers = new Map<string, BlockHandler>(Object.entries(BLOCK_HANDLERS));

// GFM alerts: a quote whose first line is `[!NOTE]`, `[!TIP]`, `[!WARNING]` (GitHub's
// `[!IMPORTANT]` and `[!CAUTION]` read as note and warning) is a callout.
const ALERT = /^\[!(note|tip|warning|important|caution)\][ \t]*(\n|$)/i;
const ALERT_KINDS: Record<string, string> = {
  note: 'note',
  tip: 'tip',
  warning: 'warning',
  important: 'note',
  caution: 'warning',
};

function alertKind(children: RootContent[]): { kind: string; rest: RootContent[] } | null {
  const first = children[0];
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (first?.type !== 'paragraph' || lead?.type !== 'text') return null;
  const match = ALERT.exec(lead.value);
  if (!match) return null;
  const text = lead.value.slice(match[0].length);
  const inline = [...(text ? [{ ...lead, value: text }] : []), ...first.children.slice(1)];
  const rest = inline.length > 0 ? [{ ...first, children: inline }, ...children.slice(1)] : children.slice(1);
  return { kind: ALERT_KINDS[match[1]!.toLowerCase()]!, rest };
}

/** A task whose text is one plain space is how export writes an empty task (`- [ ] &#x20;`). */
export function isEmptyTaskText(node: RichTextNode): boolean {
  const only = node.type === 'paragraph' && node.content?.length === 1 ? node.content[0]! : null;
  return only?.type === 'text' && only.text === ' ' && !only.marks?.length;
}

function nonEmpty(blocks: RichTextNode[]): RichTextNode[] {
  return blocks.length > 0 ? blocks : [paragraph()];
}

// The editor's images are blocks; Markdown's sit inside paragraphs. Split around them.
function paragraphToBlocks(children: PhrasingContent[], ctx: MdastToDocContext): RichTextNode[] {
  const out: RichTextNode[] = [];
  let run: RichTextNode[] = [];
  const flush = () => {
    // Soft line breaks and spaces next to an image carry no content.
    while (run[0]?.type === 'hardBreak') run.shift();
    while (run.length && run[run.length - 1]!.type === 'hardBreak') run.pop();
    if (run.some((n) => n.type !== 'text' || (n.text ?? '').trim() !== '')) out.push(paragraph(run));
    run = [];
  };
  const inline = phrasing(children, [], ctx);
  if (!inline.some((n) => n.type === 'image')) return inline.length > 0 ? [paragraph(inline)] : [];
  for (const node of inline) {
    if (node.type === 'image') {
      flush();
      out.push(node);
    } else run.push(node);
  }
  flush();
  return out;
}

function phrasing(nodes: PhrasingContent[], marks: Mark[], ctx: MdastToDocContext): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    switch (node.type) {
      case 'text':
        out.push(...textNodes(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), marks));
        break;
      case 'inlineCode': // code excludes every other mark in the editor
        out.push(...textNodes(node.value, [{ type: 'code' }]));
        break;
      case 'strong':
        out.push(...phrasing(node.children, [...marks, { type: 'bold' }], ctx));
        break;
      case 'emphasis':
        out.push(...phrasing(node.children, [...marks, { type: 'italic' }], ctx));
        break;
      case 'delete':
        out.push(...phrasing(node.children, [...marks, { type: 'strike' }], ctx));
        break;
      case 'break':
        out.push({ type: 'hardBreak' });
        break;
      case 'link':
        out.push(...linkTo(node.url, node.title ?? null, node.children, marks, ctx));
        break;
      case 'linkReference': {
        const def = ctx.definitions.get(normalizeLabel(node.identifier));
        if (def) out.push(...linkTo(def.url, def.title ?? null, node.children, marks, ctx));
        else out.push(...textNodes(sourceOf(node, ctx) ?? plain(node), marks));
        break;
      }
      case 'image':
        pushImage(out, node.url, node.alt ?? null, node.title ?? null, ctx);
        break;
      case 'imageReference': {
        const def = ctx.definitions.get(normalizeLabel(node.identifier));
        if (def) pushImage(out, def.url, node.alt ?? null, def.title ?? null, ctx);
        break;
      }
      case 'html': {
        const tag = node.value.trim().toLowerCase();
        if (/^<br\s*\/?>$/.test(tag)) {
          out.push({ type: 'hardBreak' });
          break;
        }
        if (tag === '<u>') {
          const close = matchingClose(nodes, i);
          if (close > i) {
            out.push(...phrasing(nodes.slice(i + 1, close), [...marks, { type: 'underline' }], ctx));
            i = close;
            break;
          }
        }
        out.push(...textNodes(node.value, marks));
        break;
      }
      default:
        out.push(...textNodes(plain(node), marks));
    }
  }
  return out;
}

function matchingClose(nodes: PhrasingContent[], open: number): number {
  let depth = 0;
  for (let j = open; j < nodes.length; j++) {
    const n = nodes[j]!;
    if (n.type !== 'html') continue;
    const tag = n.value.trim().toLowerCase();
    if (tag === '<u>') depth++;
    else if (tag === '</u>' && --depth === 0) return j;
  }
  return -1;
}

function linkTo(url: string, title: string | null, kids: PhrasingContent[], marks: Mark[], ctx: MdastToDocContext) {
  // The parser has already decoded character references (`&#xA0;javascript:`), so this checks
  // and stores the very string a browser would follow.
  const href = safeHref(url);
  if (href === null) {
    ctx.warn(`The link to "${url}" is not http, https, mailto or relative; it was kept as plain text.`);
    return phrasing(kids, marks, ctx);
  }
  return phrasing(kids, [...marks, { type: 'link', attrs: { href, title: title || null } }], ctx);
}

function pushImage(out: RichTextNode[], url: string, alt: string | null, title: string | null, ctx: MdastToDocContext) {
  // A relative image is a file beside the Markdown: no scheme, no root or protocol-relative path.
  const remote = safeRemoteUrl(url) !== null;
  const relative =
    !remote &&
    safeHref(url) !== null &&
    !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) &&
    !url.startsWith('/') &&
    !url.startsWith('\\');
  if (!remote && !relative) {
    ctx.warn(`The image "${url}" is neither a relative path nor an http(s) address; it was left out.`);
    return;
  }
  if (relative) ctx.images.push(url);
  out.push({ type: 'image', attrs: { src: url, alt: alt || null, title: title || null } });
}

// The editor's images are blocks, which headings and table cells cannot hold.
function withoutImages(nodes: RichTextNode[], where: string, ctx: MdastToDocContext): RichTextNode[] {
  const kept = nodes.filter((n) => n.type !== 'image');
  if (kept.length < nodes.length) ctx.warn(`An image inside ${where} was left out: images stand on their own line.`);
  return kept;
}

function textNodes(text: string, marks: Mark[]): RichTextNode[] {
  if (text === '') return [];
  return [marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text }];
}

function tableToDoc(node: Table, ctx: MdastToDocContext): RichTextNode {
  const align = node.align ?? [];
  const [head, ...body] = node.children;
  // An all-empty header row is how export writes "this table has no header row".
  const headless = !head || head.children.every((cell) => cell.children.length === 0);
  const row = (r: Table['children'][number], header: boolean): RichTextNode => ({
    type: 'tableRow',
    content: r.children.map((cell, i) => ({
      type: header ? 'tableHeader' : 'tableCell',
      attrs: { align: align[i] ?? null },
      content: [paragraph(withoutImages(phrasing(cell.children, [], ctx), 'a table cell', ctx))],
    })),
  });
  const rows = headless ? body.map((r) => row(r, false)) : [row(head, true), ...body.map((r) => row(r, false))];
  return rows.length > 0 ? { type: 'table', content: rows } : paragraph();
}

// GFM needs a delimiter row (`| --- |`); pipe rows without one parse as a paragraph. When every
// line of a paragraph is a pipe row, read it as a table without a header row.
function headerlessTable(node: Paragraph, ctx: MdastToDocContext): RichTextNode[] | null {
  const text = sourceOf(node, ctx);
  if (text === null) return null;
  const lines = text.split('\n').map((l) => l.trim());
  if (!lines.every((l) => l.length >= 2 && l.startsWith('|') && l.endsWith('|') && !l.endsWith('\\|'))) return null;
  const width = Math.max(...lines.map((l) => l.slice(1, -1).split(/(?<!\\)\|/).length));
  const header = `|${' |'.repeat(width)}\n|${' --- |'.repeat(width)}\n`;
  const table = markdownToMdast(header + lines.join('\n') + '\n').children[0];
  if (table?.type !== 'table') return null;
  return [tableToDoc(table, ctx)];
}

function sourceOf(node: Nodes, ctx: MdastToDocContext): string | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : ctx.source.slice(start, end);
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}
