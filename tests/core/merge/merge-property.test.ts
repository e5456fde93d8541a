// A property of the merge over random pairs of edits to a random study: every edit without a
// conflicting twin on the other side is in the result, and every conflicting edit's value is
// either in the result or in the study's conflict list. Nothing an author wrote is lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import type { Study } from '../../../src/core/pure/schemas/study';
import { baseStudy, doc, fileOf, para, parseStudy } from './merge-fixtures';

type Op =
  | { kind: 'edit'; at: number; text: string }
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'title'; text: string };

const words = fc.constantFrom('alpha', 'bravo', 'charlie', 'delta', 'echo', 'fox');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(9), text: words }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(9) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(9), text: words }),
  fc.record({ kind: fc.constant('title' as const), text: words }),
);

interface Side {
  study: Study;
  edited: Map<string, string>; // base block id → new text
  deleted: Set<string>;
  inserted: Map<string, string>; // new block id → text
  title: string | null;
}

const textOf = (node: RichTextNode) => (node.content ?? []).map((c) => c.text ?? '').join('');

function apply(base: Study, ops: Op[], who: string): Side {
  const blocks = [...base.problem.content!];
  const side: Side = { study: base, edited: new Map(), deleted: new Set(), inserted: new Map(), title: null };
  ops.forEach((op, n) => {
    if (op.kind === 'title') return void (side.title = `${op.text} by ${who}`);
    if (blocks.length === 0 && op.kind !== 'insert') return;
    const i = op.at % Math.max(blocks.length, 1);
    const id = blocks[i]?.attrs?.id as string | undefined;
    if (op.kind === 'insert') {
      const newId = `${who}-${n}`;
      const text = `${op.text} ${newId}`;
      blocks.splice(Math.min(i + 1, blocks.length), 0, para(newId, text));
      side.inserted.set(newId, text);
    } else if (op.kind === 'delete') {
      blocks.splice(i, 1);
      if (side.inserted.delete(id!)) return;
      side.edited.delete(id!);
      side.deleted.add(id!);
    } else {
      const text = `${op.text} ${who} ${n}`;
      blocks[i] = para(id!, text);
      if (side.inserted.has(id!)) side.inserted.set(id!, text);
      else side.edited.set(id!, text);
    }
  });
  const title = side.title ?? base.title;
  side.study = { ...base, title, problem: doc(...blocks) };
  return side;
}

describe('merge property', () => {
  it('never loses an edit that has no conflicting twin, and records every one that has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(opArb, { maxLength: 8 }),
        fc.array(opArb, { maxLength: 8 }),
        (size, ourOps, theirOps) => {
          const base = baseStudy({
            problem: doc(...Array.from({ length: size }, (_, i) => para(`p${i}`, `base ${i}`))),
          });
          const ours = apply(base, ourOps, 'ours');
          const theirs = apply(base, theirOps, 'theirs');
          const result = parseStudy(
            mergeWorkspaceFile('studies/merge-me.json', fileOf(base), fileOf(ours.study), fileOf(theirs.study)).text,
          );
          const merged = new Map(result.problem.content!.map((node) => [node.attrs?.id as string, textOf(node)]));
          const recorded = (id: string) =>
            result.conflicts
              .filter((c) => c.where.kind === 'block' && c.where.block === id)
              .map((c) => textOf(c.theirs as RichTextNode));

          // Inserts from either side are in.
          for (const [id, text] of [...ours.inserted, ...theirs.inserted]) expect(merged.get(id)).toBe(text);
          // Our edits are in (ours is what the result keeps in a conflict).
          for (const [id, text] of ours.edited) expect(merged.get(id)).toBe(text);
          // Their edits are in, or recorded when we edited the same block differently.
          for (const [id, text] of theirs.edited) {
            const twin = ours.edited.get(id);
            if (twin === undefined || twin === text) expect(merged.get(id)).toBe(text);
            else expect(recorded(id)).toContain(text);
          }
          // A delete wins only over a block the other side left alone.
          for (const id of [...ours.deleted, ...theirs.deleted]) {
            const editedElsewhere = ours.edited.has(id) || theirs.edited.has(id);
            expect(merged.has(id)).toBe(editedElsewhere);
          }
          // Blocks nobody touched keep their text, in the base's order.
          const kept = base.problem.content!.map((n) => n.attrs?.id as string).filter((id) => merged.has(id));
          const order = [...merged.keys()].filter((id) => kept.includes(id));
          expect(order).toEqual(kept);
          // Titles: the side that changed it, ours with theirs recorded when both did.
          if (theirs.title !== null && ours.title !== null && theirs.title !== ours.title) {
            expect(result.title).toBe(ours.title);
            expect(result.conflicts.some((c) => c.where.kind === 'field' && c.theirs === theirs.title)).toBe(true);
          } else expect(result.title).toBe(ours.title ?? theirs.title ?? base.title);
          expect(result.conflictCount).toBe(result.conflicts.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
