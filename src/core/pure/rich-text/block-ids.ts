// Stable block ids: every block of a section (paragraphs, headings, lists, records…) carries an
// `id` attribute that survives edits, saves and round trips, so a merge can match a block on two
// sides by id rather than by position (merge/section-merge.ts). The editor keeps them with
// TipTap's UniqueID over the same types (extensions.ts); Node fills in what a file or a writer
// (import, a template, an older file) left out. No TipTap here: the store's reads use this.
import type { RichTextNode } from '../schemas/rich-text';
import { MAX_RICH_TEXT_DEPTH } from '../schemas/rich-text-depth';
import type { NodeName } from './node-names';

export const BLOCK_ID_ATTR = 'id';

/**
 * The node types that carry an id: every block that can stand at the top of a section. The
 * editor's UniqueID gives them one wherever they stand (a paragraph in a list item too), so
 * Node does the same and the editor finds nothing to add when a study opens.
 */
export const idBlockTypes = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'taskList',
  'codeBlock',
  'callout',
  'horizontalRule',
  'image',
  'table',
  'timeline',
  'decisionRecord',
] as const satisfies readonly NodeName[];

const carriesId = new Set<string>(idBlockTypes);

/** The block's id, or null when it has none (or one that is not a usable string). */
export function blockIdOf(node: RichTextNode): string | null {
  const id = node.attrs?.[BLOCK_ID_ATTR];
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
}

/** A new random id (the editor's UniqueID makes UUIDs too). */
export function randomBlockId(): string {
  return crypto.randomUUID();
}

/** cyrb128: four 32-bit hashes of `seed`, small and good enough to make distinct ids from distinct seeds. */
function hash128(seed: string): number[] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** An id derived from `seed` alone, UUID-shaped: two machines upgrading the same file agree. */
export function seededBlockId(seed: string): string {
  const hex = hash128(seed)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const isNode = (value: unknown): value is RichTextNode =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as RichTextNode).type === 'string';

/**
 * `doc` with an id on every block that carries one (see idBlockTypes): a missing id, or one
 * another block already has (a copy; top-level blocks keep theirs first), gets
 * `makeId(path, copied)`, where path is the block's position (`0`, `2.1.0`) and copied the id
 * it repeated (null when it had none). Blocks with a unique id keep it; the input is not
 * changed (what needs an id is copied). No recursion; anything not shaped like nodes, or
 * nested past the rich-text limit, is left as it is for the schema to judge.
 */
export function withBlockIds<D>(doc: D, makeId: (path: string, copied: string | null) => string = randomBlockId): D {
  if (!isNode(doc) || !Array.isArray(doc.content)) return doc;
  // Every study is read through this, and a file Casebook wrote has its ids: nothing is copied then.
  if (!needsBlockIds(doc)) return doc;
  const seen = new Set<string>();
  const root: RichTextNode = { ...doc, content: [...doc.content] };
  // Each entry: a copied parent whose content array is ours to change, and its path.
  const stack: Array<{ parent: RichTextNode; path: string; depth: number }> = [{ parent: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { parent, path, depth } = stack.pop()!;
    if (depth > MAX_RICH_TEXT_DEPTH) continue;
    const children = parent.content!;
    // Walk in document order so the first of two equal ids keeps it.
    for (let i = 0; i < children.length; i++) {
      const child: unknown = children[i];
      if (!isNode(child)) continue;
      const here = path ? `${path}.${i}` : `${i}`;
      let node = child;
      if (carriesId.has(node.type)) {
        const id = blockIdOf(node);
        if (id === null || seen.has(id)) {
          let fresh = makeId(here, id);
          while (seen.has(fresh)) fresh = makeId(`${here}'${fresh}`, id);
          node = { ...node, attrs: { ...(node.attrs ?? {}), [BLOCK_ID_ATTR]: fresh } };
          seen.add(fresh);
        } else seen.add(id);
      }
      if (Array.isArray(node.content) && node.content.length > 0) {
        node = node === child ? { ...node } : node;
        node.content = [...node.content!];
        stack.push({ parent: node, path: here, depth: depth + 1 });
      }
      children[i] = node;
    }
  }
  return root as D;
}

/** Whether some block of `doc` that carries an id lacks one or repeats another's (a walk, no copies). */
function needsBlockIds(doc: RichTextNode): boolean {
  const seen = new Set<string>();
  const stack: Array<{ nodes: unknown[]; depth: number }> = [{ nodes: doc.content!, depth: 0 }];
  while (stack.length > 0) {
    const { nodes, depth } = stack.pop()!;
    if (depth > MAX_RICH_TEXT_DEPTH) continue;
    for (const child of nodes) {
      if (!isNode(child)) continue;
      if (carriesId.has(child.type)) {
        const id = blockIdOf(child);
        if (id === null || seen.has(id)) return true;
        seen.add(id);
      }
      if (Array.isArray(child.content) && child.content.length > 0)
        stack.push({ nodes: child.content, depth: depth + 1 });
    }
  }
  return false;
}

/** `doc` with every block id removed (a copy): for comparing content whatever ids it was given. */
export function withoutBlockIds<D>(doc: D): D {
  if (!isNode(doc)) return doc;
  const strip = (node: RichTextNode): RichTextNode => {
    const out: RichTextNode = { ...node };
    if (out.attrs && Object.hasOwn(out.attrs, BLOCK_ID_ATTR)) {
      const { [BLOCK_ID_ATTR]: _id, ...attrs } = out.attrs;
      if (Object.keys(attrs).length > 0) out.attrs = attrs;
      else delete out.attrs;
    }
    if (Array.isArray(node.content)) out.content = node.content.map(strip);
    return out;
  };
  return strip(doc) as D;
}
