// The files under a folder, for tests that check what an export or a workspace holds.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every entry under `dir` that is not a folder (links not followed), as sorted relative paths with `/`. */
export async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...(await listTree(path.join(dir, e.name), `${rel}/`)));
    else out.push(rel);
  }
  return out.sort();
}
