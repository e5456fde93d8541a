// Templates on disk: <workspace>/templates/<id>.json. The built-ins are written when missing;
// an existing file is never overwritten, so a team's edits stay. Unreadable files are
// reported and skipped, never fatal and never rewritten.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import { InvalidFileError, parseJsonFile } from '../json-file';
import { lstatOrNull, readRegularFile, UnreadableFileError } from '../regular-file';
import { ensureWorkspaceFolder } from '../workspace-folders';
import { builtInTemplateIds, builtInTemplates } from './builtin-templates';
import { TemplateSectionError, templateFromFile } from './template-draft';
import {
  TEMPLATES_DIR,
  templateFileSchema,
  templateIdSchema,
  type StudyTemplate,
  type TemplateList,
  type TemplateProblem,
} from './template-schema';

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

/** Every readable template: built-ins first in their usual order, then the rest by name. */
export async function listTemplates(workspaceDir: string): Promise<TemplateList> {
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
      const parsed = parseJsonFile(name, bytes, templateFileSchema);
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
