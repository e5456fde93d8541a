// Rich text (TipTap JSON) → HTML string, for the static site. A table of renderers, one per
// node type and one per mark, so a new block (task list, callout) is one entry. Every text and
// attribute is escaped here; links survive only if their target is safe; images only where the
// caller says where they live. Pure string building: no DOM, fast enough for 1,000 studies.
// Node and mark types are the document's own (hostile) strings, so they are looked up in Maps:
// a type named `constructor` or `__proto__` finds no renderer rather than an Object method.
import { safeHref, safeImageSrc } from '../safe-url';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';

// Markup characters, plus control characters HTML forbids in text (a pasted \u0001 would
// make the page invalid); tab, newline and carriage return are ordinary whitespace.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPE_ALL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
  // Most text needs no escaping; testing first avoids building a new string for it.
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? '') : value;
}

export interface HtmlRenderOptions {
  /** Added to the editor's heading level: the site renders editor H2 as h3 under section h2s. */
  headingOffset?: number;
  /** Where an image's stored `src` should point in the output, or null to leave the image out. */
  resolveImage?(src: string): string | null;
  /** Highlighted, already-escaped HTML for a code block, or null for plain escaped text. */
  highlight?(code: string, language: string): string | null;
}

type Mark = NonNullable<RichTextNode['marks']>[number];
type NodeRenderer = (node: RichTextNode, inner: () => string, options: HtmlRenderOptions) => string;
type MarkRenderer = (mark: Mark) => [open: string, close: string] | null;

const wrap =
  (tag: string): NodeRenderer =>
  (_node, inner) =>
    `<${tag}>${inner()}</${tag}>`;

function attr(node: RichTextNode | Mark, name: string): unknown {
  return node.attrs?.[name];
}

function positiveInt(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 10_000 ? n : null;
}

function plainText(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

/** Only characters that belong in a CSS class name survive from the stored language. */
function languageClass(language: string): string {
  const clean = language.toLowerCase().replace(/[^a-z0-9_+#-]/g, '');
  return clean ? ` class="language-${escapeHtml(clean)}"` : '';
}

function cellAttributes(node: RichTextNode, scope: string | null): string {
  let out = scope ? ` scope="${scope}"` : '';
  const colspan = positiveInt(attr(node, 'colspan'));
  const rowspan = positiveInt(attr(node, 'rowspan'));
  if (colspan && colspan > 1) out += ` colspan="${colspan}"`;
  if (rowspan && rowspan > 1) out += ` rowspan="${rowspan}"`;
  return out;
}

function renderRow(row: RichTextNode, options: HtmlRenderOptions, headerRow: boolean): string {
  const cells = (row.content ?? []).map((cell) => {
    const isHeader = cell.type === 'tableHeader';
    const tag = isHeader ? 'th' : 'td';
    const scope = isHeader ? (headerRow ? 'col' : 'row') : null;
    return `<${tag}${cellAttributes(cell, scope)}>${renderChildren(cell, options)}</${tag}>`;
  });
  return `<tr>${cells.join('')}</tr>`;
}

/** The renderers. Unknown nodes fall back to their children, so no text silently disappears. */
const NODE_RENDERERS = {
  doc: (_node, inner) => inner(),
  text: (node) => renderText(node),
  paragraph: (_node, inner) => {
    const html = inner();
    return html ? `<p>${html}</p>` : '';
  },
  heading: (node, inner, options) => {
    const level = positiveInt(attr(node, 'level')) ?? 2;
    const tag = `h${Math.min(6, Math.max(2, level + (options.headingOffset ?? 0)))}`;
    const html = inner();
    return html ? `<${tag}>${html}</${tag}>` : '';
  },
  bulletList: wrap('ul'),
  orderedList: (node, inner) => {
    const start = positiveInt(attr(node, 'start'));
    return `<ol${start && start !== 1 ? ` start="${start}"` : ''}>${inner()}</ol>`;
  },
  listItem: wrap('li'),
  // Task lists read without JavaScript: the state is text for screen readers, a box drawn by CSS.
  taskList: (_node, inner) => `<ul class="task-list">${inner()}</ul>`,
  taskItem: (node, inner) => {
    const done = attr(node, 'checked') === true;
    return `<li class="task${done ? ' task-done' : ''}"><span class="visually-hidden">${done ? 'Done: ' : 'To do: '}</span>${inner()}</li>`;
  },
  // role="note" keeps the aside from being a landmark of its own inside the article.
  callout: (node, inner) => {
    const raw = attr(node, 'kind');
    const kind = raw === 'tip' || raw === 'warning' ? raw : 'note';
    const label = { note: 'Note', tip: 'Tip', warning: 'Warning' }[kind];
    return `<aside class="callout callout-${kind}" role="note"><p class="callout-label">${label}</p>${inner()}</aside>`;
  },
  blockquote: wrap('blockquote'),
  horizontalRule: () => '<hr>',
  hardBreak: () => '<br>',
  codeBlock: (node, _inner, options) => {
    const raw = attr(node, 'language');
    const language = typeof raw === 'string' ? raw : '';
    const code = plainText(node);
    const highlighted = language && options.highlight ? options.highlight(code, language) : null;
    // tabindex: a long line makes the block scroll, and keyboard users must be able to reach it.
    return `<pre tabindex="0"><code${languageClass(language)}>${highlighted ?? escapeHtml(code)}</code></pre>`;
  },
  image: (node, _inner, options) => {
    const src = attr(node, 'src');
    if (typeof src !== 'string' || !options.resolveImage) return '';
    // The resolver's answer is checked too: what is written is exactly what was checked.
    const url = safeImageSrc(options.resolveImage(src));
    if (url === null) return '';
    const alt = attr(node, 'alt');
    const title = attr(node, 'title');
    const titleAttr = typeof title === 'string' && title ? ` title="${escapeHtml(title)}"` : '';
    return `<figure><img src="${escapeHtml(url)}" alt="${escapeHtml(typeof alt === 'string' ? alt : '')}"${titleAttr} loading="lazy"></figure>`;
  },
  table: (node, _inner, options) => {
    const rows = (node.content ?? []).filter((r) => r.type === 'tableRow');
    const first = rows[0];
    const hasHead = !!first?.content?.length && first.content.every((c) => c.type === 'tableHeader');
    const head = hasHead ? `<thead>${renderRow(first!, options, true)}</thead>` : '';
    const body = (hasHead ? rows.slice(1) : rows).map((r) => renderRow(r, options, false)).join('');
    // The wrapper scrolls wide tables on narrow screens; tabindex keeps it keyboard-reachable.
    return `<div class="table-wrap" tabindex="0"><table>${head}${body ? `<tbody>${body}</tbody>` : ''}</table></div>`;
  },
} satisfies Record<string, NodeRenderer>;
const nodeRenderers = new Map<string, NodeRenderer>(Object.entries(NODE_RENDERERS));

const MARK_RENDERERS = {
  bold: () => ['<strong>', '</strong>'],
  italic: () => ['<em>', '</em>'],
  underline: () => ['<u>', '</u>'],
  strike: () => ['<s>', '</s>'],
  code: () => ['<code>', '</code>'],
  link: (mark) => {
    // An unsafe link becomes plain text. safeHref refuses control characters, so escaping
    // changes only &<>"' and the browser reads back exactly the string that was checked.
    const href = safeHref(attr(mark, 'href'));
    return href === null ? null : [`<a href="${escapeHtml(href)}">`, '</a>'];
  },
} satisfies Record<string, MarkRenderer>;
const markRenderers = new Map<string, MarkRenderer>(Object.entries(MARK_RENDERERS));

function renderText(node: RichTextNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    const tags = markRenderers.get(mark.type)?.(mark);
    if (tags) html = tags[0] + html + tags[1];
  }
  return html;
}

function renderChildren(node: RichTextNode, options: HtmlRenderOptions): string {
  let html = '';
  for (const child of node.content ?? []) html += renderNode(child, options);
  return html;
}

function renderNode(node: RichTextNode, options: HtmlRenderOptions): string {
  const renderer = nodeRenderers.get(node.type);
  const inner = () => renderChildren(node, options);
  return renderer ? renderer(node, inner, options) : inner();
}

/** The HTML of a whole document (or any node) — escaped, safe to embed in a page. */
export function richTextToHtml(doc: RichTextDoc | RichTextNode, options: HtmlRenderOptions = {}): string {
  return renderNode(doc as RichTextNode, options);
}
