// Conflicts a git merge recorded in template files (templates/<id>.json, merge/settings-merge.ts):
// listed for the app (Site settings), `casebook list`/`check` and the Sync count, and resolved
// one at a time. Only each file's JSON is read (no Markdown parsing), so this stays cheap. A
// resolve rewrites the file with its keys as written (a template is the team's own file),
// under the file's lock and only if it is still the version the author was shown.
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import { z } from 'zod';
import { withFileLock, writeFileAtomic, writeFailure } from '../atomic-write';
import { readRegularFile } from '../regular-file';
import { CasebookError } from '../../pure/errors';
import { storedConflictListSchema, type ConflictChoice } from '../../pure/merge/conflict-schema';
import { resolveTemplateConflict } from '../../pure/merge/resolve-template-conflict';
import { settingsVersion } from '../../pure/merge/settings-resolution';
import type { TemplateConflicts } from '../../pure/merge/settings-conflict-schema';
import { templateIdSchema } from '../../pure/templates/template-schema';
import { templatesDir } from './template-store';

const probeSchema = z
  .object({ name: z.string().max(80).optional(), conflicts: storedConflictListSchema.optional() })
  .loose();

async function readTemplateJson(file: string): Promise<Record<string, unknown> | null> {
  try {
    const bytes = await readRegularFile(file);
    if (!bytes) return null;
    const raw: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  } catch {
    // Unreadable or damaged: the template list reports it; it holds no conflict we can show.
    return null;
  }
}

/** Every template file that holds conflicts, by id, with its name and version. */
export async function listTemplateConflicts(workspace: string): Promise<TemplateConflicts[]> {
  let names: string[];
  try {
    names = (await fsp.readdir(templatesDir(workspace))).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: TemplateConflicts[] = [];
  for (const name of names) {
    const id = name.slice(0, -'.json'.length);
    if (!templateIdSchema.safeParse(id).success) continue;
    const raw = await readTemplateJson(path.join(templatesDir(workspace), name));
    const probe = raw && probeSchema.safeParse(raw);
    if (!probe?.success || !probe.data.conflicts?.length) continue;
    out.push({ id, name: probe.data.name ?? id, version: settingsVersion(raw), conflicts: probe.data.conflicts });
  }
  return out;
}

/** Resolves one conflict in templates/<id>.json; `baseVersion` given: refused if the file changed since. */
export async function resolveTemplateFileConflict(
  workspace: string,
  id: string,
  conflictId: string,
  choice: ConflictChoice,
  baseVersion?: string,
): Promise<{ note: string | null }> {
  const file = path.join(templatesDir(workspace), `${templateIdSchema.parse(id)}.json`);
  return withFileLock(file, async () => {
    const raw = await readTemplateJson(file);
    if (!raw) throw new CasebookError('not_found', `The template "${id}" cannot be read any more.`);
    if (baseVersion !== undefined && baseVersion !== settingsVersion(raw))
      throw new CasebookError(
        'conflict',
        'The template changed since it was shown (another window, the CLI or a sync). Look again, then choose.',
      );
    const resolved = resolveTemplateConflict(raw, conflictId, choice);
    await writeFileAtomic(file, `${JSON.stringify(resolved.value, null, 2)}\n`);
    return { note: resolved.note };
  }).catch((err: unknown) => {
    throw writeFailure('save the template', err);
  });
}
