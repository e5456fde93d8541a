// How deeply a tree nests, measured without recursion (so a hostile depth cannot overflow the
// stack that measures it). Works on mdast (`children`) and on rich-text JSON (`content`); the
// root counts as level 1. In mdast, `<u>`…`</u>` pairs are flat siblings that the converter
// turns into nested runs, so each open `<u>` adds a level to the siblings after it.

interface TreeNode {
  type?: unknown;
  value?: unknown;
  children?: unknown;
  content?: unknown;
  position?: { start?: { line?: number } };
}

export interface TooDeep {
  depth: number;
  /** 1-based line of the node where the limit was passed (mdast only; 1 when unknown). */
  line: number;
}

/** The first node deeper than `limit` levels, or null when the whole tree fits. */
export function findTooDeep(root: unknown, limit: number): TooDeep | null {
  const stack: { node: TreeNode; depth: number }[] = [{ node: root as TreeNode, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return { depth, line: node.position?.start?.line ?? 1 };
    const kids = Array.isArray(node.children) ? node.children : Array.isArray(node.content) ? node.content : [];
    let underline = 0;
    for (const kid of kids as TreeNode[]) {
      if (typeof kid !== 'object' || kid === null) continue;
      stack.push({ node: kid, depth: depth + 1 + underline });
      if (kid.type === 'html' && typeof kid.value === 'string') {
        const tag = kid.value.trim().toLowerCase();
        if (tag === '<u>') underline++;
        else if (tag === '</u>' && underline > 0) underline--;
      }
    }
  }
  return null;
}
