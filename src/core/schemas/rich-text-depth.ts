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

/** Objects and arrays nested inside `value`: 0 for a scalar, 1 for `{}` or `[1]`. */
function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > max) max = depth;
    if (depth > MAX_ATTRIBUTE_DEPTH) break; // deep enough to refuse; no need to go further
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return max;
}

/** Why a document is nested too deeply to accept, or null. Anything not shaped like nodes is left to the schema. */
export function richTextDepthProblem(doc: unknown): string | null {
  let deepest = 0;
  let deepAttrs = 0;
  const stack: Array<[unknown, number]> = [[doc, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
    if (depth > deepest) deepest = depth;
    const { attrs, marks, content } = node as { attrs?: unknown; marks?: unknown; content?: unknown };
    deepAttrs = Math.max(deepAttrs, jsonDepth(attrs), jsonDepth(marks) - 2); // marks: [{attrs: …}]
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1]);
  }
  if (deepest > MAX_RICH_TEXT_DEPTH)
    return `The text is nested ${deepest} levels deep (quotes or lists inside one another); the limit is ${MAX_RICH_TEXT_DEPTH}.`;
  if (deepAttrs > MAX_ATTRIBUTE_DEPTH)
    return `A node's attributes are nested more than ${MAX_ATTRIBUTE_DEPTH} levels deep; that is not something the editor writes.`;
  return null;
}
