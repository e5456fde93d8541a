// Whether a path exists (any kind of entry), without throwing.
import { promises as fsp } from 'node:fs';

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}
