// Templates on disk: <workspace>/templates/<id>.json. The built-ins are written when missing;
// an existing file is never overwritten, so a team's edits stay. Unreadable files are
// reported and skipped, never fatal and never rewritten.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import { InvalidFileError, parseJsonFile } from '../json-file';
import { lstatOrNull, readRegularFile, UnreadableFileError } from '../regular-file';
import { ensureWorkspaceFolder } from '../workspace-folders';
import { TEMPLATE_PARSE_TIME_LIMIT_MS } from '../../pure/markdown/import-limits';
import { MarkdownParser } from '../markdown/markdown-parser';
import { sectionKeys } from '../../pure/schemas/study';
import { builtInTemplateIds, builtInTemplates } from '../../pure/templates/builtin-templates';
import {
  TEMPLATES_DIR,
  templateFileSchema,
  templateIdSchema,
  type ParsedTemplateFile,
  type StudyTemplate,
  type TemplateList,
  type TemplateProblem,
} from '../../pure/templates/template-schema';

// Reading a template loads the Markdown parser (through template-draft): only when one is read,
// so opening a workspace (and ensureDefaultTemplates) does not pay for it.
const loadDraft = () => import('../../pure/templates/template-draft');

export function templatesDir(workspaceDir: string): string {
  return path.join(workspaceDir, TEMPLATES_DIR);
}

/** Writes each built-in template whose file is missing; returns the ids written. */
export async function ensureDefaultTemplates(workspaceDir: string): Promise<string[]> {
  const dir = await ensureWorkspaceFolder(workspaceDir, TEMPLATES_DIR);
  const written: string[] = [];
  for (const id of builtInTemplateIds) {
    const file = path.join(dir, `${id}.json`);
    // Any entry under the name (even a link or a folder) is the team's: left as it is.
    if (lstatOrNull(file)) continue;
    await writeFileAtomic(file, `${JSON.stringify(builtInTemplates[id], null, 2)}\n`);
    written.push(id);
  }
  return written;
}

/** The built-ins' Markdown: known to read at once, so it is read in this process. */
const builtInMarkdown = new Set(
  Object.values(builtInTemplates).flatMap((t) =>
    Object.values(t.sections ?? {}).filter((v): v is string => typeof v === 'string'),
  ),
);

/**
 * The file with its other Markdown sections read by the parsing worker, which is stopped past
 * its time limit: a template comes with the workspace, and some Markdown (runs of `*a_`) takes
 * micromark minutes to read — on the main thread that froze the app at every open.
 */
async function withSectionsRead(file: ParsedTemplateFile, parser: () => MarkdownParser): Promise<ParsedTemplateFile> {
  const sections = { ...file.sections };
  for (const key of sectionKeys) {
    const source = sections[key];
    if (typeof source !== 'string' || source.trim() === '' || builtInMarkdown.has(source)) continue;
    const read = await parser().parseSection(source);
    if (!read.ok) throw new (await loadDraft()).TemplateSectionError(`${key}: ${read.reason}`);
    sections[key] = read.doc;
  }
  return { ...file, sections };
}

/** Every readable template: built-ins first in their usual order, then the rest by name. */
export async function listTemplates(workspaceDir: string): Promise<TemplateList> {
  let parser: MarkdownParser | null = null;
  try {
    return await readTemplates(workspaceDir, () => (parser ??= new MarkdownParser(TEMPLATE_PARSE_TIME_LIMIT_MS)));
  } finally {
    await (parser as MarkdownParser | null)?.close();
  }
}

async function readTemplates(workspaceDir: string, parser: () => MarkdownParser): Promise<TemplateList> {
  const { TemplateSectionError, templateFromFile } = await loadDraft();
  const dir = templatesDir(workspaceDir);
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { templates: [], problems: [] };
    throw err;
  }
  const templates: StudyTemplate[] = [];
  const problems: TemplateProblem[] = [];
  for (const name of names.sort()) {
    const id = name.slice(0, -'.json'.length);
    if (!templateIdSchema.safeParse(id).success) {
      problems.push({
        file: name,
        reason: 'the file name must be lowercase letters, digits or dashes, ending in .json',
      });
      continue;
    }
    try {
      const bytes = await readRegularFile(path.join(dir, name));
      if (!bytes) continue; // removed meanwhile
      const parsed = await withSectionsRead(parseJsonFile(name, bytes, templateFileSchema), parser);
      templates.push(templateFromFile(id, parsed, builtInTemplateIds.includes(id)));
    } catch (err) {
      // One unreadable template (damaged, a link, a FIFO, too large, an I/O error) never hides the others.
      const reason =
        err instanceof InvalidFileError || err instanceof UnreadableFileError
          ? err.reason
          : err instanceof TemplateSectionError
            ? err.message
            : `could not read the file (${(err as Error).message})`;
      problems.push({ file: name, reason });
    }
  }
  const order = (t: StudyTemplate): number => {
    const at = builtInTemplateIds.indexOf(t.id);
    return at < 0 ? builtInTemplateIds.length : at;
  };
  templates.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  return { templates, problems };
}

/** One template by id, or null when there is no readable file for it. */
export async function getTemplate(workspaceDir: string, id: string): Promise<StudyTemplate | null> {
  const { templates } = await listTemplates(workspaceDir);
  return templates.find((t) => t.id === id) ?? null;
}
