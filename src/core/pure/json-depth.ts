// How deeply a parsed JSON value nests, measured without recursion: a request or file nested
// thousands of levels deep must be refused before any recursive code (zod, a renderer) sees it.

/**
 * Deeper than any input the contract describes: a rich-text section at its own limit (100
 * nodes, see rich-text-depth.ts) nests about 200 levels of JSON.
 */
export const MAX_INPUT_DEPTH = 512;

/** True when `value` nests arrays or objects more than `limit` levels deep. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  return tooDeepAt(value, limit) !== null;
}

/**
 * Where `value` first nests past `limit` levels, as its first two keys (`patch.problem`;
 * `input` for the value itself), or null when it stays within the limit.
 */
export function tooDeepAt(value: unknown, limit: number): string | null {
  const stack: Array<[unknown, number, string]> = [[value, 1, '']];
  while (stack.length > 0) {
    const [item, depth, where] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return where || 'input';
    for (const [key, child] of Object.entries(item)) {
      if (typeof child !== 'object' || child === null) continue;
      stack.push([child, depth + 1, depth <= 2 ? (where ? `${where}.${key}` : key) : where]);
    }
  }
  return null;
}
