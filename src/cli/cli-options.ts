// CLI flags validated with zod, so a bad flag gets one clear line and changes nothing.
import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../core/pure/errors';
import { CliUsageError } from './usage-error';

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
