// One Markdown file → the fields of one study (pure: no disk). Front matter keys as written by
// front-matter.ts; anything a hand-written file gets wrong is reported with its line.
// Lenient where a site generator's file differs harmlessly: `description` stands in for a
// missing `summary`, a date-time keeps its date, a missing `draft` means published (Hugo's
// reading), a slug that is not URL-safe is made so (with a warning).
import path from 'node:path';
import type { Definition, RootContent } from 'mdast';
import { z } from 'zod';
import { emptyDoc, type RichTextDoc, type RichTextNode } from '../../pure/schemas/rich-text';
import {
  isoDateSchema,
  outcomeSchema,
  sectionKeys,
  slugSchema,
  studyIdSchema,
  studyPatchSchema,
} from '../../pure/schemas/study';
import { slugFromTitle } from '../../pure/slug';
import { readFrontMatter } from '../../pure/markdown/front-matter';
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

class FieldError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseMarkdownStudy(text: string, fileName: string): ParseResult {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = readFrontMatter(source);
  if (!front.ok) return front;
  const { data, lines, body, bodyLine } = front.value;
  const warnings: string[] = [];
  let study: ParsedStudy;
  try {
    study = fieldsFrom(data, warnings);
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, line: lines[err.key] ?? 1, reason: err.message };
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

function fieldsFrom(data: Record<string, unknown>, warnings: string[]): ParsedStudy {
  const study: ParsedStudy = {};
  // The keys are the file's: read only its own, never a name inherited from Object.prototype.
  const own = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);
  const str = (key: string): string | undefined => {
    const v = own(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new FieldError(key, `"${key}" must be text.`);
  };
  const bool = (key: string): boolean | undefined => {
    const v = own(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    throw new FieldError(key, `"${key}" must be true or false.`);
  };
  const list = (key: string): string[] | undefined => {
    const v = own(key);
    if (v === undefined || v === null) return undefined;
    const items = Array.isArray(v) ? v : [v];
    if (!items.every((i) => ['string', 'number', 'boolean'].includes(typeof i))) {
      throw new FieldError(key, `"${key}" must be a list of names, like ["a", "b"].`);
    }
    return items.map((i) => String(i).trim()).filter((i) => i !== '');
  };

  study.title = str('title');
  study.summary = str('summary') ?? str('description');
  const date = str('date');
  if (date !== undefined) {
    const day = date.slice(0, 10);
    if (!isoDateSchema.safeParse(day).success)
      throw new FieldError('date', `"date" must be a date written YYYY-MM-DD, not "${date}".`);
    study.date = day;
  }
  const slug = str('slug');
  if (slug !== undefined && slug !== '') {
    study.slug = slugSchema.safeParse(slug).success ? slug : slugFromTitle(slug);
    if (study.slug !== slug) warnings.push(`The slug "${slug}" was not URL-safe; "${study.slug}" is used instead.`);
  }
  study.categories = list('categories');
  study.tags = list('tags');
  study.featured = bool('featured');
  const outcome = str('outcome');
  if (outcome !== undefined) {
    const parsed = outcomeSchema.safeParse(outcome.toLowerCase());
    if (!parsed.success)
      throw new FieldError(
        'outcome',
        `"outcome" must be one of ${outcomeSchema.options.join(', ')}, not "${outcome}".`,
      );
    study.outcome = parsed.data;
  }
  study.status = bool('draft') ? 'draft' : 'published';

  const id = str('casebook_id');
  if (id !== undefined) {
    if (studyIdSchema.safeParse(id).success) study.id = id;
    else warnings.push(`"casebook_id" "${id}" is not a Casebook id; it was ignored.`);
  }
  for (const [key, field] of [
    ['created', 'createdAt'],
    ['updated', 'updatedAt'],
  ] as const) {
    const value = str(key);
    if (value === undefined) continue;
    if (z.iso.datetime().safeParse(value).success) study[field] = value;
    else warnings.push(`"${key}" "${value}" is not an ISO date-time; it was ignored.`);
  }
  for (const key of Object.keys(study) as (keyof ParsedStudy)[]) if (study[key] === undefined) delete study[key];
  return study;
}
