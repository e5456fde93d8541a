// The node and mark types the editor knows, read from the one place its schema is defined
// (extensions.ts), and the write-time rule built on them: a study may only be saved with
// content the editor can show. Files already on disk are not judged here: an old or foreign
// file with an unknown type still opens (the editor shows what it cannot edit read-only).
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { CasebookError } from '../errors';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { sectionKeys, sectionLabels, type SectionKey } from '../schemas/study';
import { richTextExtensions } from './extensions';

let cachedSchema: Schema | null = null;
/** The editor's ProseMirror schema (built once; pure, no DOM). */
export function richTextSchema(): Schema {
  cachedSchema ??= getSchema(richTextExtensions());
  return cachedSchema;
}

let known: { nodes: Set<string>; marks: Set<string> } | null = null;
function knownTypes(): { nodes: Set<string>; marks: Set<string> } {
  const schema = richTextSchema();
  known ??= { nodes: new Set(Object.keys(schema.nodes)), marks: new Set(Object.keys(schema.marks)) };
  return known;
}

/** The first node or mark type in `doc` that the editor does not know, or null. No recursion. */
export function unknownTypeIn(doc: RichTextDoc): { kind: 'node' | 'mark'; type: string } | null {
  const { nodes, marks } = knownTypes();
  const stack: RichTextNode[] = [...(doc.content ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!nodes.has(node.type)) return { kind: 'node', type: node.type };
    for (const mark of node.marks ?? []) if (!marks.has(mark.type)) return { kind: 'mark', type: mark.type };
    for (let i = (node.content?.length ?? 0) - 1; i >= 0; i--) stack.push(node.content![i]!);
  }
  return null;
}

/** Refuses (invalid_input) sections holding a node or mark type the editor does not know. */
export function assertKnownTypes(sections: Partial<Record<SectionKey, RichTextDoc>>, what: string): void {
  for (const key of sectionKeys) {
    const doc = sections[key];
    const unknown = doc ? unknownTypeIn(doc) : null;
    if (!unknown) continue;
    const thing = unknown.kind === 'node' ? 'block or inline node' : 'text mark';
    throw new CasebookError(
      'invalid_input',
      `Cannot ${what}: the ${sectionLabels[key]} section holds a ${thing} of type "${unknown.type}", which the editor does not know. Remove it (or update Casebook) and try again.`,
    );
  }
}
