// How deeply a rich-text document nests, measured with an explicit stack (never recursion),
// so a hostile document nested 100,000 levels deep is refused before anything walks it.
//
// MAX_RICH_TEXT_DEPTH nodes (the doc itself not counted, its text counted): a real study
// nests a list ten levels deep at most (about 22 nodes), and every recursive walker — zod,
// ProseMirror, the site renderer, mdast-util-to-markdown, JSON.stringify — handles 100
// levels with plenty of stack to spare.
import { nestsDeeperThan } from '../json-depth';

export const MAX_RICH_TEXT_DEPTH = 100;
/** Nesting of objects and arrays inside one node's attrs or marks (a real one nests 3 at most). */
export const MAX_ATTRIBUTE_DEPTH = 10;

const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object';

/** Why a document is nested too deeply to accept, or null. Anything not shaped like nodes is left to the schema. */
export function richTextDepthProblem(doc: unknown): string | null {
  let deepest = 0;
  let attrsTooDeep = false;
  // Two parallel stacks rather than one of pairs: this runs over every study as it is read.
  const nodes: unknown[] = [doc];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (!isContainer(node) || Array.isArray(node)) continue;
    if (depth > deepest) deepest = depth;
    const { attrs, marks, content } = node as { attrs?: unknown; marks?: unknown; content?: unknown };
    if (attrs !== undefined && nestsDeeperThan(attrs, MAX_ATTRIBUTE_DEPTH)) attrsTooDeep = true;
    // marks: [{attrs: …}], two levels above a mark's attributes.
    if (marks !== undefined && nestsDeeperThan(marks, MAX_ATTRIBUTE_DEPTH + 2)) attrsTooDeep = true;
    if (Array.isArray(content)) {
      for (const child of content) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  if (deepest > MAX_RICH_TEXT_DEPTH)
    return `The text is nested ${deepest} levels deep (quotes or lists inside one another); the limit is ${MAX_RICH_TEXT_DEPTH}.`;
  if (attrsTooDeep)
    return `A node's attributes are nested more than ${MAX_ATTRIBUTE_DEPTH} levels deep; that is not something the editor writes.`;
  return null;
}
