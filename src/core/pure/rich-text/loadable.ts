// Whether the editor can load a section exactly as it is stored. A document it cannot load
// (a node or mark type this version does not know, content its schema does not allow) would
// come up blank or trimmed, and the next keystroke would save that over the stored text, so the
// editor shows such a section read-only instead. Pure: the same schema the editor builds.
import type { Schema } from '@tiptap/pm/model';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { richTextSchema } from './known-types';

export interface LoadProblem {
  /** What could not be shown, in words a reader understands: "a 'mention' node". */
  what: string;
  /** The schema's own complaint, for the curious and for bug reports. */
  detail: string;
}

/** The first node or mark type in `doc` the schema does not know, depth first. */
function unknownType(doc: RichTextDoc, schema: Schema): string | null {
  const stack: RichTextNode[] = [...(doc.content ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!Object.hasOwn(schema.nodes, node.type)) return `a '${node.type}' node`;
    for (const mark of node.marks ?? []) {
      if (!Object.hasOwn(schema.marks, mark.type)) return `a '${mark.type}' mark`;
    }
    for (const child of [...(node.content ?? [])].reverse()) stack.push(child);
  }
  return null;
}

/** Null when the editor can hold `doc` as it is; otherwise what stops it. */
export function loadProblem(doc: RichTextDoc, schema: Schema = richTextSchema()): LoadProblem | null {
  if ((doc.content ?? []).length === 0) return null; // nothing stored, nothing to lose: an empty section
  const unknown = unknownType(doc, schema);
  if (unknown) return { what: unknown, detail: `${unknown} is not part of this version's schema` };
  try {
    // The same two steps TipTap takes with enableContentCheck: build the node, then validate it.
    schema.nodeFromJSON(doc).check();
    return null;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { what: 'content in an arrangement this version does not allow', detail };
  }
}

/**
 * The text of a section the editor cannot load, one line per text block, with each node the
 * schema does not know shown where it stands ("⟨mention: Ana⟩"), so nothing is silently missing.
 */
export function previewLines(doc: RichTextDoc, schema: Schema = richTextSchema()): string[] {
  const lines: string[] = [];
  const known = (node: RichTextNode) => Object.hasOwn(schema.nodes, node.type);
  const stand = (node: RichTextNode): string => {
    const label = [node.attrs?.label, node.attrs?.id].find((v) => typeof v === 'string' && v.trim() !== '');
    return `⟨${node.type}${label ? `: ${String(label)}` : ''}⟩`;
  };
  const inline = (node: RichTextNode): string =>
    (node.content ?? [])
      .map((c) =>
        c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? ' ' : known(c) ? inline(c) : stand(c) + inline(c),
      )
      .join('');
  const holdsText = (node: RichTextNode): boolean =>
    (known(node) && schema.nodes[node.type]!.isTextblock) ||
    (node.content ?? []).some((c) => c.type === 'text' || c.type === 'hardBreak');
  const visit = (node: RichTextNode): void => {
    if (holdsText(node)) return void lines.push(inline(node));
    if (!known(node) && node.type !== 'doc') lines.push(stand(node));
    (node.content ?? []).forEach(visit);
  };
  visit(doc as RichTextNode);
  return lines.filter((line) => line.trim() !== '');
}
