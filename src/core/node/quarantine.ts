// Files that fail to parse or validate are moved aside, with the reason beside them,
// so nothing is silently dropped or overwritten and the rest of the workspace works.
import { promises as fsp, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { readRegularFile } from './regular-file';
import { ensureWorkspaceFolder } from './workspace-folders';

export const QUARANTINE_DIR = '.quarantine';

export const quarantineEntrySchema = z.object({
  file: z.string(),
  reason: z.string(),
  quarantinedAt: z.iso.datetime(),
  storedAs: z.string(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;

const REASON_SUFFIX = '.reason.json';
/** A reason file is a few hundred bytes; anything larger was not written by Casebook. */
const MAX_REASON_BYTES = 64 * 1024;

export async function quarantineFile(workspace: string, file: string, reason: string): Promise<QuarantineEntry> {
  await ensureWorkspaceFolder(workspace, QUARANTINE_DIR);
  const quarantinedAt = new Date().toISOString();
  const stamp = quarantinedAt.replace(/[:.]/g, '-');
  const storedAs = path.join(QUARANTINE_DIR, `${path.basename(file)}.${stamp}`);
  const entry: QuarantineEntry = {
    file: path.relative(workspace, file).split(path.sep).join('/'),
    reason,
    quarantinedAt,
    storedAs: storedAs.split(path.sep).join('/'),
  };
  await fsp.rename(file, path.join(workspace, storedAs));
  await writeFileAtomic(path.join(workspace, storedAs + REASON_SUFFIX), `${JSON.stringify(entry, null, 2)}\n`);
  return entry;
}

/** How many files are set aside, without reading their reasons (cheap enough per search). */
export function countQuarantined(workspace: string): number {
  try {
    return readdirSync(path.join(workspace, QUARANTINE_DIR)).filter((n) => n.endsWith(REASON_SUFFIX)).length;
  } catch {
    return 0;
  }
}

/** `skip`: reason files (workspace-relative, with /) not to trust, e.g. ones a commit brought in. */
export async function listQuarantine(
  workspace: string,
  // Stryker disable next-line ArrowFunction: `() => undefined` skips nothing either
  skip: (reasonFile: string) => boolean = () => false,
): Promise<QuarantineEntry[]> {
  const dir = path.join(workspace, QUARANTINE_DIR);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return [];
  }
  const entries: QuarantineEntry[] = [];
  for (const name of names.filter((n) => n.endsWith(REASON_SUFFIX) && !skip(`${QUARANTINE_DIR}/${n}`))) {
    try {
      const bytes = await readRegularFile(path.join(dir, name), MAX_REASON_BYTES);
      // Stryker disable next-line StringLiteral,OptionalChaining: a reason file that is gone fails JSON.parse either way and is listed as unreadable below
      const raw: unknown = JSON.parse(bytes?.toString('utf8') ?? '');
      entries.push(quarantineEntrySchema.parse(raw));
    } catch {
      // A damaged reason file still says which file was set aside.
      entries.push({
        file: name.slice(0, -REASON_SUFFIX.length),
        reason: 'unknown (reason file unreadable)',
        quarantinedAt: new Date(0).toISOString(),
        storedAs: `${QUARANTINE_DIR}/${name.slice(0, -REASON_SUFFIX.length)}`,
      });
    }
  }
  return entries.sort((a, b) => b.quarantinedAt.localeCompare(a.quarantinedAt));
}
