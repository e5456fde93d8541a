// Rich text (TipTap JSON) → HTML string, for the static site. Each node's and mark's HTML is
// in its module (blocks/, marks/, collected in block-registry.ts); this is the walk. Every text
// and attribute is escaped; links survive only if their target is safe; images only where the
// caller says where they live. Pure string building: no DOM, fast enough for 1,000 studies.
// Unknown nodes fall back to their children, so no text silently disappears.
import type { HtmlRenderOptions, HtmlState } from './block-module';
import { blockModule, markModule } from './block-registry';
import { escapeHtml } from './html-escape';
import { steppedHeadings } from './heading-steps';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';

export { escapeHtml } from './html-escape';
export type { HtmlRenderOptions } from './block-module';

function renderText(node: RichTextNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    const tags = markModule(mark.type)?.html(mark);
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
  if (node.type === 'text') return renderText(node);
  const render = blockModule(node.type)?.html;
  const inner = () => renderChildren(node, options);
  if (!render) return inner();
  const state: HtmlState = { options, inner, childrenOf: (other) => renderChildren(other, options) };
  return render(node, state);
}

/**
 * The HTML of a whole document (or any node) — escaped, safe to embed in a page. A section's
 * headings never skip a level (heading-steps.ts).
 */
export function richTextToHtml(doc: RichTextDoc | RichTextNode, options: HtmlRenderOptions = {}): string {
  const node = doc as RichTextNode;
  return renderNode(node.type === 'doc' ? steppedHeadings(node) : node, options);
}
