// CLI flags validated with zod, so a bad flag gets one clear line and changes nothing.
import path from 'node:path';
import { z } from 'zod';
import { openWorkspace, type CasebookService } from '../core/node/casebook-service';
import { CasebookError, describeZodError } from '../core/pure/errors';
import { holdsWorkspace } from '../core/node/workspace-presence';

export class CliUsageError extends Error {}

export const workspaceOption = z
  .string()
  .trim()
  .min(1, 'the workspace path is empty')
  .transform((dir) => path.resolve(dir));

export const portOption = z.coerce
  .number({ error: 'the port must be a number' })
  .int('the port must be a whole number')
  .min(0, 'the port must be between 0 and 65535')
  .max(65535, 'the port must be between 0 and 65535');

export { exportFormatSchema as formatOption } from '../core/pure/export/export-formats';

export function parseOption<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliUsageError(describeZodError(result.error, flag));
  return result.data;
}

/** --workspace, else $CASEBOOK_WORKSPACE, else the current folder. */
export function resolveWorkspace(flag: string | undefined): string {
  return parseOption(workspaceOption, flag ?? process.env.CASEBOOK_WORKSPACE ?? process.cwd(), '--workspace');
}

/**
 * The workspace for a command that only reads (list, check, export): a mistyped folder is
 * refused with advice, and nothing is created.
 */
export async function openExistingWorkspace(flag: string | undefined): Promise<CasebookService> {
  const dir = resolveWorkspace(flag);
  try {
    return await openWorkspace(dir, { create: false });
  } catch (err) {
    if (!(err instanceof CasebookError && err.code === 'not_found')) throw err;
    throw new CasebookError(
      'not_found',
      `${err.message} Check the folder (--workspace or $CASEBOOK_WORKSPACE), or create a workspace there with: casebook init --workspace "${dir}"`,
    );
  }
}

/**
 * The workspace for a command that writes (import, serve): created when the folder holds none,
 * and then said, so a mistyped --workspace does not pass unnoticed.
 */
export async function openOrCreateWorkspace(flag: string | undefined): Promise<CasebookService> {
  const dir = resolveWorkspace(flag);
  const created = !holdsWorkspace(dir);
  const service = await openWorkspace(dir);
  if (created) console.error(`Note: ${dir} held no Casebook workspace; a new one was created there.`);
  return service;
}
