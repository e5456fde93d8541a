// Whether a path exists (any kind of entry), and its stat, without throwing.
import { promises as fsp, statSync } from 'node:fs';

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/** The entry's stat now, or null when it is gone. Sync: callers run many in time slices. */
export function statOrNull(file: string): { mtimeMs: number; size: number } | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
