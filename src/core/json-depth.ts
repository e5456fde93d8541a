// How deeply a parsed JSON value nests, measured without recursion: a request or file nested
// thousands of levels deep must be refused before any recursive code (zod, a renderer) sees it.

/** Deeper than any input the contract describes (a rich-text document is far shallower). */
export const MAX_INPUT_DEPTH = 512;

/** True when `value` nests arrays or objects more than `limit` levels deep. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
