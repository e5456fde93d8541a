// Whether a path exists (any kind of entry), and its stat, without throwing.
import { lstatSync, promises as fsp } from 'node:fs';

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The entry's own stat now (a link's, never its target's: a workspace is not followed out
 * of), or null when it is gone. Sync: callers run many in time slices.
 */
export function statOrNull(file: string): { mtimeMs: number; size: number } | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}
