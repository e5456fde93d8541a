// TipTap/ProseMirror JSON, validated structurally: the shape is checked here, the
// node types are checked by the editor schema when the document is loaded (and on write, by
// rich-text/known-types.ts). Nesting is bounded (rich-text-depth.ts) before anything recurses.
import { z } from 'zod';
import { attrText } from '../rich-text/attr-text';
import { richTextDepthProblem } from './rich-text-depth';

export const markSchema = z.object({
  type: z.string().min(1).max(64),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: z.infer<typeof markSchema>[];
  text?: string;
}

export const richTextNodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(richTextNodeSchema).optional(),
    marks: z.array(markSchema).optional(),
    text: z.string().optional(),
  }),
);

const richTextDocShape = z.object({
  type: z.literal('doc'),
  content: z.array(richTextNodeSchema).optional(),
});

/**
 * A section. Its depth is measured first, without recursion: zod's own recursive check (and
 * every renderer after it) would overflow the stack on a document nested thousands deep.
 */
export const richTextDocSchema = z
  .custom<z.input<typeof richTextDocShape>>()
  .check((ctx) => {
    const problem = richTextDepthProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .pipe(richTextDocShape);
export type RichTextDoc = z.infer<typeof richTextDocSchema>;

export function emptyDoc(): RichTextDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * Plain text of a document, one line per text block (for search, counts and checks), with the
 * text blocks keep in attributes (rich-text/attr-text.ts): a timeline entry's line starts with
 * its time, a decision record's fields come before its context.
 */
export function docToPlainText(doc: RichTextDoc | RichTextNode): string {
  // Built by concatenation, not arrays joined: the library's first read of a large workspace
  // and every publish check take the plain text of each section (and paragraph) it reads.
  let text = '';
  const addLine = (line: string): void => {
    if (line.length > 0) text = text.length > 0 ? `${text}\n${line}` : line;
  };
  const visit = (node: RichTextNode): void => {
    const held = attrText(node.type, node.attrs);
    const children = node.content ?? [];
    if (children.some(isInline)) {
      let line = '';
      for (const part of held) line += `${part} `;
      addLine(line + inlineText(node));
      return;
    }
    for (const part of held) addLine(part);
    for (const child of children) visit(child);
  };
  visit(doc as RichTextNode);
  return text;
}

const isInline = (node: RichTextNode): boolean => node.type === 'text' || node.type === 'hardBreak';

function inlineText(node: RichTextNode): string {
  let text = '';
  for (const child of node.content ?? []) text += child.type === 'hardBreak' ? '\n' : (child.text ?? inlineText(child));
  return text;
}
