// The desktop app's own settings (userData/settings.json): the remembered workspace and the
// author's name and email for git commits (when the repository's config names no one).
// Written atomically; read defensively — a missing, corrupt or invalid file means "defaults".
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/node/atomic-write';
import { gitIdentitySchema } from '../core/pure/shell-api';

export const appSettingsSchema = z.object({
  workspace: z
    .string()
    .refine((p) => path.isAbsolute(p), 'Workspace must be an absolute path')
    .optional(),
  gitIdentity: gitIdentitySchema.optional(),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const SETTINGS_FILE = 'settings.json';

export async function readAppSettings(file: string): Promise<AppSettings> {
  try {
    const parsed = appSettingsSchema.safeParse(JSON.parse(await fsp.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function writeAppSettings(file: string, settings: AppSettings): Promise<void> {
  const valid = appSettingsSchema.parse(settings);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`);
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await fsp.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Which workspace to open at launch: CASEBOOK_WORKSPACE (tests, power users) first, then the
 * remembered folder if it still exists (a vanished drive must not be silently recreated),
 * then the default Documents/Casebook.
 */
export async function startupWorkspace(options: {
  envOverride: string | undefined;
  settings: AppSettings;
  defaultDir: string;
}): Promise<string> {
  if (options.envOverride) return path.resolve(options.envOverride);
  const remembered = options.settings.workspace;
  if (remembered && (await isDirectory(remembered))) return remembered;
  return options.defaultDir;
}
