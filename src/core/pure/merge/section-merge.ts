// A section merged block by block, matching blocks on both sides by their id (rich-text/
// block-ids.ts), so edits to different paragraphs merge cleanly whatever moved around them:
// - a block changed on one side takes that side's version; changed the same on both, either;
// - changed differently on both: ours stays and theirs is returned as a conflict to record;
// - removed on one side and left alone on the other: removed; removed on one side and
//   changed on the other: the change is kept (nothing an author wrote is lost);
// - added on either side: in, where that side put it.
// The order is a three-way merge of the lists of ids (node-diff3); where both sides changed the
// same stretch, their blocks keep the base's order and inserts at one place put ours first.
import { diff3Merge, LCS } from 'node-diff3';
import { blockIdOf, BLOCK_ID_ATTR, seededBlockId } from '../rich-text/block-ids';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { canonicalJson, mergeValue } from './json-merge';

export interface BlockConflict {
  /** The block's id in the result (it holds ours). */
  block: string;
  mine: RichTextNode;
  theirs: RichTextNode;
}

export interface SectionMerge {
  doc: RichTextDoc;
  conflicts: BlockConflict[];
}

/** Blocks by id; every block has a unique id here (the caller filled them in, study-on-write.ts). */
function byId(doc: RichTextDoc | null): Map<string, RichTextNode> {
  const blocks = new Map<string, RichTextNode>();
  // Stryker disable next-line ArrayDeclaration: a string in place of the empty list has no id and is skipped
  for (const node of doc?.content ?? []) {
    const id = blockIdOf(node);
    // Stryker disable next-line LogicalOperator: ids are present and unique here (withSeededIds)
    if (id !== null && !blocks.has(id)) blocks.set(id, node);
  }
  return blocks;
}

const idsOf = (doc: RichTextDoc | null): string[] =>
  // Stryker disable next-line ArrayDeclaration,MethodExpression: as in byId, no block lacks an id
  (doc?.content ?? []).map(blockIdOf).filter((id): id is string => id !== null);

/**
 * Where both sides changed the same stretch: their blocks merged in the base's order (neither
 * side's stretch moved a block there, or diff3 would have seen one side unchanged), each new
 * block staying after the block it followed on its side; at the same place, ours first.
 */
function interleave(a: string[], b: string[], baseIndex: Map<string, number>): string[] {
  const groups = (list: string[]) => {
    // The first group holds the new blocks before any base block; its `at` is never compared.
    // Stryker disable next-line UnaryOperator: see above
    const out: { at: number; ids: string[] }[] = [{ at: -1, ids: [] }];
    for (const id of list) {
      const at = baseIndex.get(id);
      if (at === undefined) out.at(-1)!.ids.push(id);
      else out.push({ at, ids: [id] });
    }
    return out;
  };
  const [ga, gb] = [groups(a), groups(b)];
  const order = [...ga[0]!.ids, ...gb[0]!.ids];
  let [i, j] = [1, 1];
  while (i < ga.length || j < gb.length) {
    const [x, y] = [ga[i], gb[j]];
    if (x && (!y || x.at < y.at)) order.push(...ga[i++]!.ids);
    else if (y && (!x || y.at < x.at)) order.push(...gb[j++]!.ids);
    else {
      // The base block both groups start with once; mergedOrder would drop the second anyway.
      // Stryker disable next-line MethodExpression: see above
      order.push(...ga[i++]!.ids, ...gb[j++]!.ids.slice(1));
    }
  }
  return order;
}

/** The merged order of ids: diff3 of the three lists; where both changed one stretch, see interleave. */
function mergedOrder(base: string[], ours: string[], theirs: string[]): string[] {
  const baseIndex = new Map(base.map((id, i) => [id, i]));
  // Stryker disable next-line ArrayDeclaration: an id no side has is not kept (mergeSection filters the order)
  const order: string[] = [];
  for (const region of diff3Merge(ours, base, theirs)) {
    // A region is either agreed (ok) or a conflict of the two sides' orders.
    if (region.ok) order.push(...region.ok);
    else order.push(...interleave(region.conflict!.a, region.conflict!.b, baseIndex));
  }
  return [...new Set(order)];
}

/** Puts `id` after the nearest block before it on `side` that is already in `order` (or first). */
function placeAsOn(order: string[], side: string[], id: string): void {
  const at = side.indexOf(id);
  for (let i = at - 1; i >= 0; i--) {
    const before = order.indexOf(side[i]!);
    if (before >= 0) {
      order.splice(before + 1, 0, id);
      return;
    }
  }
  order.unshift(id);
}

export function mergeSection(base: RichTextDoc | null, ours: RichTextDoc, theirs: RichTextDoc): SectionMerge {
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const [baseIds, ourIds, theirIds] = [idsOf(base), idsOf(ours), idsOf(theirs)];
  const kept = new Map<string, RichTextNode>();
  const conflicts: BlockConflict[] = [];
  for (const id of new Set([...ourIds, ...theirIds])) {
    const [inBase, mine, their] = [b.get(id), o.get(id), t.get(id)];
    if (mine && their) {
      const merged = mergeValue(inBase, mine, their);
      kept.set(id, merged.value);
      if (merged.conflict) conflicts.push({ block: id, mine, theirs: their });
      continue;
    }
    const present = (mine ?? their)!;
    // On one side only: added there, or removed on the other (kept only when changed since).
    if (!inBase || canonicalJson(present) !== canonicalJson(inBase)) kept.set(id, present);
  }
  const order = mergedOrder(baseIds, ourIds, theirIds).filter((id) => kept.has(id));
  // A block one side removed and the other changed may have lost its place in the order.
  for (const id of kept.keys()) if (!order.includes(id)) placeAsOn(order, o.has(id) ? ourIds : theirIds, id);
  const content = order.map((id) => kept.get(id)!);
  // Every block removed: the section is left as the editor's empty one (one paragraph).
  if (content.length === 0)
    // Stryker disable next-line StringLiteral: any fixed seed gives both machines the same id; the lists only vary it
    content.push({ type: 'paragraph', attrs: { [BLOCK_ID_ATTR]: seededBlockId(`empty:${ourIds}:${theirIds}`) } });
  return { doc: { ...ours, content }, conflicts };
}

const withoutId = (node: RichTextNode): string => {
  const { [BLOCK_ID_ATTR]: _id, ...attrs } = node.attrs ?? {};
  return canonicalJson({ ...node, attrs });
};

/**
 * `side` with its blocks' ids taken from `base` where the blocks are the same (matched in
 * order by content): for a side written by an older Casebook, whose ids were made from the
 * blocks' positions when it was read (study-migrations.ts), so a block it moved would
 * otherwise stand for another.
 */
export function alignIdsWith(base: RichTextDoc | null, side: RichTextDoc): RichTextDoc {
  const baseBlocks = base?.content ?? [];
  const blocks = side.content ?? [];
  if (baseBlocks.length === 0 || blocks.length === 0) return side;
  const common = LCS(baseBlocks.map(withoutId), blocks.map(withoutId));
  const content = [...blocks];
  const matched = new Set<number>();
  for (let link = common; link && link.buffer1index >= 0; link = link.chain!) {
    const id = blockIdOf(baseBlocks[link.buffer1index]!);
    if (id === null) continue;
    const node = content[link.buffer2index]!;
    content[link.buffer2index] = { ...node, attrs: { ...node.attrs, [BLOCK_ID_ATTR]: id } };
    matched.add(link.buffer2index);
  }
  // A block that got a base block's id by its position but is not that block would stand for it.
  const baseIds = new Set(baseBlocks.map(blockIdOf));
  for (let i = 0; i < content.length; i++) {
    const id = blockIdOf(content[i]!);
    if (id !== null && !matched.has(i) && baseIds.has(id))
      content[i] = {
        ...content[i]!,
        attrs: { ...content[i]!.attrs, [BLOCK_ID_ATTR]: seededBlockId(`${id}/moved/${i}`) },
      };
  }
  return { ...side, content };
}
