// TipTap/ProseMirror JSON, validated structurally: the shape is checked here (rich-text-shape.ts),
// the node types are checked by the editor schema when the document is loaded (and on write, by
// rich-text/known-types.ts). The same walk bounds the nesting (rich-text-depth.ts).
import { z } from 'zod';
import { attrText } from '../rich-text/attr-text';
import { readRichTextShape, type RichTextDoc, type RichTextNode } from './rich-text-shape';

export type { RichTextDoc, RichTextMark, RichTextNode } from './rich-text-shape';

/** A section: its shape checked and its nesting bounded in one walk (rich-text-shape.ts). */
export const richTextDocSchema = z.custom<RichTextDoc>().transform((value, ctx): RichTextDoc => {
  const read = readRichTextShape(value);
  if ('doc' in read) return read.doc;
  ctx.issues.push({ code: 'custom', message: read.problem, input: value, path: read.path });
  return z.NEVER;
});

export function emptyDoc(): RichTextDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * Plain text of a document, one line per text block (for search, counts and checks), with the
 * text blocks keep in attributes (rich-text/attr-text.ts): a timeline entry's line starts with
 * its time, a decision record's fields come before its context.
 */
export function docToPlainText(doc: RichTextDoc | RichTextNode): string {
  const lines: string[] = [];
  const inline = (node: RichTextNode): string =>
    (node.content ?? []).map((c) => (c.type === 'hardBreak' ? '\n' : (c.text ?? inline(c)))).join('');
  const visit = (node: RichTextNode): void => {
    const held = attrText(node.type, node.attrs);
    const children = node.content ?? [];
    if (children.some((c) => c.type === 'text' || c.type === 'hardBreak')) {
      lines.push([...held, inline(node)].join(' '));
      return;
    }
    lines.push(...held);
    children.forEach(visit);
  };
  visit(doc as RichTextNode);
  return lines.filter((line) => line.length > 0).join('\n');
}
