// Headings inside a section never skip a level on the page (axe heading-order; a screen
// reader's outline). The section's own heading is the page's h2, an editor heading of level L
// is h(L+1); so the first heading of a section is at most level 2 and each one after it at most
// one deeper than the heading before. The exports (site, preview, Markdown) apply this to each
// section; the stored file keeps what the author chose.
import type { RichTextNode } from '../schemas/rich-text';
import { positiveInt } from './html-escape';

const TOP = 2;
const DEEPEST = 4;

// Blocks that bring their own heading at the top level (decision record, timeline: h3).
const HEADED_BLOCKS = new Set(['decisionRecord', 'timeline']);

// Read as the heading module reads it (a hand-edited "3" is 3, anything else not a whole number is 2).
const storedLevel = (value: unknown): number => Math.min(DEEPEST, Math.max(TOP, positiveInt(value) ?? TOP));

/**
 * The document with every heading's level lowered where it would skip one; the same object
 * when nothing skips (the common case costs one walk and no copies).
 */
export function steppedHeadings<T extends RichTextNode>(doc: T): T {
  let previous = TOP - 1; // the section heading
  const visit = (node: RichTextNode): RichTextNode => {
    if (node.type === 'heading') {
      const level = Math.min(storedLevel(node.attrs?.level), previous + 1);
      previous = level;
      // Compared with the level as stored: a hand-edited 9 or 1 is written as the level it is read
      // as (the HTML writer does not clamp: 9 became an h6 after an h4, 1 an h2 like the section's).
      return node.attrs?.level === level ? node : { ...node, attrs: { ...node.attrs, level } };
    }
    if (HEADED_BLOCKS.has(node.type)) previous = TOP;
    if (!node.content) return node;
    let changed = false;
    const content = node.content.map((child) => {
      const next = visit(child);
      changed ||= next !== child;
      return next;
    });
    return changed ? { ...node, content } : node;
  };
  return visit(doc) as T;
}
