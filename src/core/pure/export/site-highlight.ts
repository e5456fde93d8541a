// Code highlighting at export time, so the site needs no JavaScript: lowlight (highlight.js
// grammars) turns a code block into <span class="hljs-…"> runs that the theme colours. Only the
// block's stated language is used — no guessing — and unknown languages stay plain text.
import { common, createLowlight } from 'lowlight';
import { escapeHtml } from '../rich-text/html';

interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  properties?: { className?: unknown };
  children: HastNode[];
}
// What lowlight's tree holds below its root: runs of text and elements (hast's comments never).
type HastNode = HastText | HastElement | { type: string };

// Made at the first code block, not at load: registering the grammars costs ~0.1 s, which an
// export that renders no code (one after an edit, mostly from its caches) need not pay.
let made: ReturnType<typeof createLowlight> | undefined;
const lowlight = () => (made ??= createLowlight(common));

function toHtml(nodes: HastNode[]): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      html += escapeHtml((node as HastText).value);
      // Stryker disable next-line ConditionalExpression: lowlight makes elements and text only
    } else if (node.type === 'element') {
      const el = node as HastElement;
      // Stryker disable next-line OptionalChaining: lowlight gives every element its properties
      const classes = Array.isArray(el.properties?.className) ? el.properties.className.map(String).join(' ') : '';
      const inner = toHtml(el.children);
      html += classes ? `<span class="${escapeHtml(classes)}">${inner}</span>` : inner;
    }
  }
  return html;
}

/** Highlighted HTML (escaped) for `code` in `language`, or null when the language is unknown. */
export function highlightCode(code: string, language: string): string | null {
  // highlight.js reads names and aliases without case.
  const name = language.trim();
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; highlight() throws for an unknown or empty name, caught below
  if (!name || !lowlight().registered(name)) return null;
  try {
    return toHtml(lowlight().highlight(name, code).children as HastNode[]);
  } catch {
    return null; // a grammar that throws must not break the export; plain text is still right
  }
}
