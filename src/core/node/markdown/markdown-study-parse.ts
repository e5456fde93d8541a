// One Markdown file → the fields of one study (pure: no disk). Front matter is read field by
// field through the field table (front-matter.ts); anything a hand-written file gets wrong is
// reported with its line. Lenient where a site generator's file differs harmlessly (each
// field's codec in study-fields.ts says how): `description` stands in for a missing
// `summary`, a date-time keeps its date, a missing `draft` means published (Hugo's reading),
// a slug that is not URL-safe is made so (with a warning).
import path from 'node:path';
import type { Definition, RootContent } from 'mdast';
import { z } from 'zod';
import { emptyDoc, type RichTextDoc, type RichTextNode } from '../../pure/schemas/rich-text';
import { sectionKeys, studyIdSchema, studyPatchSchema } from '../../pure/schemas/study';
import { FrontMatterFieldError, fieldsFromFrontMatter, readFrontMatter } from '../../pure/markdown/front-matter';
import { MAX_RICH_TEXT_DEPTH, richTextDepthProblem } from '../../pure/schemas/rich-text-depth';
import { MAX_MARKDOWN_DEPTH } from '../../pure/markdown/import-limits';
import { markdownToMdast } from '../../pure/markdown/markdown-syntax';
import { mdastToBlocks, normalizeLabel } from '../../pure/markdown/mdast-to-doc';
import { findTooDeep } from '../../pure/markdown/nesting-depth';
import { canonicalDoc } from '../../pure/markdown/rich-text-normal-form';
import { headingText, splitSections } from '../../pure/markdown/study-sections';

export const parsedStudySchema = studyPatchSchema.extend({
  id: studyIdSchema.optional(),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});
/** What a file says about a study: author fields, plus id and timestamps when the file has them. */
export type ParsedStudy = z.infer<typeof parsedStudySchema>;

export type ParseResult =
  | { ok: true; study: ParsedStudy; images: string[]; warnings: string[] }
  | { ok: false; line: number; column?: number; reason: string };

export function parseMarkdownStudy(text: string, fileName: string): ParseResult {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = readFrontMatter(source);
  if (!front.ok) return front;
  const { data, lines, body, bodyLine } = front.value;
  const warnings: string[] = [];
  let study: ParsedStudy;
  try {
    // Checked in full with the sections below; the codecs read each field's own rules.
    study = fieldsFromFrontMatter(data, (message) => warnings.push(message)) as ParsedStudy;
  } catch (err) {
    if (err instanceof FrontMatterFieldError) return { ok: false, line: lines[err.key] ?? 1, reason: err.message };
    throw err;
  }

  const tree = markdownToMdast(body);
  // Refused here, before the converter's recursion and the schema meet the depth.
  const deep = findTooDeep(tree, MAX_MARKDOWN_DEPTH);
  if (deep) return { ok: false, line: bodyLine + deep.line - 1, reason: tooDeep() };
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree.children, definitions);
  let nodes = tree.children;
  if (study.title === undefined) {
    const h1 = nodes.findIndex((n) => n.type === 'heading' && n.depth === 1);
    if (h1 >= 0) {
      const heading = nodes[h1] as Extract<RootContent, { type: 'heading' }>;
      study.title = headingText(heading.children).trim();
      nodes = nodes.filter((_, i) => i !== h1);
    } else {
      const base = path.basename(fileName).replace(/\.(md|markdown)$/i, '');
      study.title = /^(index|_index)$/i.test(base) ? path.basename(path.dirname(fileName)) : base;
    }
  }

  const images: string[] = [];
  const sections = splitSections(nodes);
  for (const key of sectionKeys) {
    const ctx = { source: body, definitions, images, warn: (m: string) => warnings.push(m) };
    const blocks = mdastToBlocks(sections[key], ctx);
    const doc: RichTextDoc = blocks.length > 0 ? { type: 'doc', content: blocks } : emptyDoc();
    const deepDoc = richTextDepthProblem(doc);
    if (deepDoc) return { ok: false, line: bodyLine, reason: `${key}: ${deepDoc}` };
    try {
      study[key] = canonicalDoc(doc);
    } catch (err) {
      return { ok: false, line: 1, reason: `The ${key} section cannot be read: ${(err as Error).message}` };
    }
  }

  const checked = parsedStudySchema.safeParse(study);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    return { ok: false, line: lines[key] ?? 1, reason: `${key || 'study'}: ${issue.message}` };
  }
  // Only images that made it into a section (not those dropped from headings or cells).
  const kept = new Set<string>();
  const collect = (node: RichTextNode): void => {
    // Stryker disable next-line LogicalOperator,OptionalChaining: only an image has a src, and every image the reader makes has attrs.
    if (node.type === 'image' && typeof node.attrs?.src === 'string') kept.add(node.attrs.src);
    node.content?.forEach(collect);
  };
  for (const key of sectionKeys) collect(checked.data[key] as RichTextNode);
  return { ok: true, study: checked.data, images: images.filter((src) => kept.has(src)), warnings };
}

function tooDeep(): string {
  return `Quotes, lists, emphasis or <u> here are nested more than ${MAX_MARKDOWN_DEPTH} levels deep; a section may nest ${MAX_RICH_TEXT_DEPTH} at most.`;
}

function collectDefinitions(nodes: RootContent[], into: Map<string, Definition>): void {
  for (const node of nodes) {
    if (node.type === 'definition') {
      const label = normalizeLabel(node.identifier);
      if (!into.has(label)) into.set(label, node);
    } else if ('children' in node) collectDefinitions(node.children as RootContent[], into);
  }
}
