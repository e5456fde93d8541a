// From a template to the fields of a new study, and from a template file's Markdown
// sections to TipTap JSON (through the same Markdown reader as import).
import type { Definition } from 'mdast';
import { MAX_MARKDOWN_DEPTH } from '../markdown/import-limits';
import { mdastToBlocks } from '../markdown/mdast-to-doc';
import { markdownToMdast } from '../markdown/markdown-syntax';
import { findTooDeep } from '../markdown/nesting-depth';
import { emptyDoc, type RichTextDoc } from '../schemas/rich-text';
import { MAX_RICH_TEXT_DEPTH, richTextDepthProblem } from '../schemas/rich-text-depth';
import { sectionKeys, type SectionKey, type StudyPatch } from '../schemas/study';
import type { ParsedTemplateFile, StudyTemplate } from './template-schema';

/** Markdown (headings, paragraphs, lists, emphasis, links) → a section document. */
export function markdownToSectionDoc(markdown: string): RichTextDoc {
  if (markdown.trim() === '') return emptyDoc();
  const tree = markdownToMdast(markdown);
  // A template file comes with the workspace: its Markdown is refused, as an imported file's
  // is, before the converter's recursion meets the depth (and the study schema on first use).
  const deep = findTooDeep(tree, MAX_MARKDOWN_DEPTH);
  if (deep)
    throw new Error(
      `line ${deep.line} is nested more than ${MAX_MARKDOWN_DEPTH} levels deep; a section may nest ${MAX_RICH_TEXT_DEPTH} at most.`,
    );
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);
  const content = mdastToBlocks(tree.children, { source: markdown, definitions, images: [], warn: () => undefined });
  const doc: RichTextDoc = content.length > 0 ? { type: 'doc', content } : emptyDoc();
  const problem = richTextDepthProblem(doc);
  if (problem) throw new Error(problem);
  return doc;
}

/** A template section's Markdown as a document, or why not: never throws (the parsing worker runs it). */
export function parseTemplateSection(markdown: string): { ok: true; doc: RichTextDoc } | { ok: false; reason: string } {
  try {
    return { ok: true, doc: markdownToSectionDoc(markdown) };
  } catch (err) {
    const overflow = err instanceof RangeError && /call stack/i.test(err.message);
    return { ok: false, reason: overflow ? 'the Markdown is nested too deeply to read' : (err as Error).message };
  }
}

/** A section of a template file that cannot become a study section; the message names it. */
export class TemplateSectionError extends Error {
  override name = 'TemplateSectionError';
}

export function templateFromFile(id: string, file: ParsedTemplateFile, builtIn: boolean): StudyTemplate {
  const section = (key: SectionKey): RichTextDoc => {
    const source = file.sections[key];
    if (typeof source !== 'string') return source;
    try {
      return markdownToSectionDoc(source);
    } catch (err) {
      throw new TemplateSectionError(`${key}: ${(err as Error).message}`);
    }
  };
  return {
    id,
    name: file.name,
    description: file.description,
    outcome: file.outcome,
    categories: file.categories,
    tags: file.tags,
    summaryPrompt: file.summaryPrompt,
    metrics: file.metrics,
    builtIn,
    problem: section('problem'),
    decisions: section('decisions'),
    tradeoffs: section('tradeoffs'),
    lessons: section('lessons'),
  };
}

export type StudyDraftFields = Required<
  Pick<
    StudyPatch,
    | 'title'
    | 'summary'
    | 'outcome'
    | 'categories'
    | 'tags'
    | 'metrics'
    | 'problem'
    | 'decisions'
    | 'tradeoffs'
    | 'lessons'
  >
>;

/**
 * The fields to create a study with. When the site's categories are given, only suggested
 * categories the site has are kept (in the site's spelling), so a template written for
 * another team never adds a category that would fail the publish check.
 */
export function studyDraftFromTemplate(
  template: StudyTemplate,
  title = '',
  siteCategories?: readonly string[],
): StudyDraftFields {
  let categories = [...template.categories];
  if (siteCategories) {
    const bySpelling = new Map(siteCategories.map((c) => [c.toLowerCase(), c]));
    categories = categories.flatMap((c) => bySpelling.get(c.toLowerCase()) ?? []);
  }
  const draft: StudyDraftFields = {
    title,
    summary: '',
    outcome: template.outcome,
    categories: [...new Set(categories)],
    tags: [...template.tags],
    // Placeholders the publish checks refuse until measured values replace them.
    metrics: template.metrics.map((m) => ({ ...m, before: 0, after: 0 })),
    problem: emptyDoc(),
    decisions: emptyDoc(),
    tradeoffs: emptyDoc(),
    lessons: emptyDoc(),
  };
  // Each study gets its own copy: editing one must never change the template or another study.
  for (const key of sectionKeys) draft[key] = structuredClone(template[key]);
  return draft;
}
