// How deeply a rich-text document nests, measured with an explicit stack (never recursion),
// so a hostile document nested 100,000 levels deep is refused before anything walks it.
//
// MAX_RICH_TEXT_DEPTH nodes (the doc itself not counted, its text counted): a real study
// nests a list ten levels deep at most (about 22 nodes), and every recursive walker — zod,
// ProseMirror, the site renderer, mdast-util-to-markdown, JSON.stringify — handles 100
// levels with plenty of stack to spare.
export const MAX_RICH_TEXT_DEPTH = 100;
/** Nesting of objects and arrays inside one node's attrs or marks (a real one nests 3 at most). */
export const MAX_ATTRIBUTE_DEPTH = 10;

const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object';

/** Objects and arrays nested inside `value`: 0 for a scalar, 1 for `{}` or `[1]`; stops past the limit. */
function jsonDepth(value: unknown): number {
  if (!isContainer(value)) return 0;
  let max = 0;
  const items: unknown[] = [value];
  const depths: number[] = [1];
  while (items.length > 0) {
    const item = items.pop() as Record<string, unknown>;
    const depth = depths.pop()!;
    if (depth > max) max = depth;
    if (depth > MAX_ATTRIBUTE_DEPTH) break; // deep enough to refuse
    for (const key in item) {
      const child = item[key];
      if (isContainer(child)) {
        items.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}

/** Why a document is nested too deeply to accept, or null. Anything not shaped like nodes is left to the schema. */
export function richTextDepthProblem(doc: unknown): string | null {
  let deepest = 0;
  let deepAttrs = 0;
  // Two parallel stacks rather than one of pairs: this runs over every study as it is read.
  const nodes: unknown[] = [doc];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (!isContainer(node) || Array.isArray(node)) continue;
    if (depth > deepest) deepest = depth;
    const { attrs, marks, content } = node as { attrs?: unknown; marks?: unknown; content?: unknown };
    if (attrs !== undefined) deepAttrs = Math.max(deepAttrs, jsonDepth(attrs));
    if (marks !== undefined) deepAttrs = Math.max(deepAttrs, jsonDepth(marks) - 2); // marks: [{attrs: …}]
    if (Array.isArray(content)) {
      for (const child of content) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  if (deepest > MAX_RICH_TEXT_DEPTH)
    return `The text is nested ${deepest} levels deep (quotes or lists inside one another); the limit is ${MAX_RICH_TEXT_DEPTH}.`;
  if (deepAttrs > MAX_ATTRIBUTE_DEPTH)
    return `A node's attributes are nested more than ${MAX_ATTRIBUTE_DEPTH} levels deep; that is not something the editor writes.`;
  return null;
}
