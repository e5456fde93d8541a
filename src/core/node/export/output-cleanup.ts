// What an export removes besides stale pages: temp files an interrupted export left (only
// those named after a file Casebook writes in that folder), and the render cache that
// Casebook 0.1 kept inside the export folder (only its own file names).
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { tempFileTarget } from '../atomic-write';
import { LEGACY_RENDER_CACHE_DIR } from './output-paths';

/**
 * Removes, in each folder (relative to `root`, '.' for root itself), the regular temp files
 * left by writes of the names listed for it.
 */
export async function removeOwnTempFiles(root: string, namesByDir: Map<string, Set<string>>): Promise<void> {
  for (const [dir, names] of namesByDir) {
    const folder = path.join(root, dir);
    const entries = await fsp.readdir(folder).catch(() => [] as string[]);
    for (const entry of entries) {
      const target = tempFileTarget(entry);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: `names` never holds null
      if (target === null || !names.has(target)) continue;
      const file = path.join(folder, entry);
      // Stryker disable next-line ArrowFunction: undefined reads as no entry, like null
      const stat = await fsp.lstat(file).catch(() => null);
      // Stryker disable next-line OptionalChaining: null only for an entry gone since readdir
      if (!stat?.isFile()) continue;
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: the file was there a moment ago
      await fsp.rm(file, { force: true });
    }
  }
}

const LEGACY_CACHE_FILE = /^site-render-v1-[0-9a-f]\.json$/;

/**
 * Removes `<root>/.casebook-cache/` as Casebook 0.1 left it: its cache files and their temp
 * files, then the folder if that left it empty. A link in its place, or anything else in it,
 * is left alone.
 */
export async function removeLegacyRenderCache(root: string): Promise<void> {
  const dir = path.join(root, LEGACY_RENDER_CACHE_DIR);
  // Stryker disable next-line ArrowFunction: undefined reads as no entry, like null
  const stat = await fsp.lstat(dir).catch(() => null);
  if (!stat?.isDirectory()) return;
  for (const entry of await fsp.readdir(dir).catch(() => [] as string[])) {
    // Stryker disable next-line StringLiteral: any fallback that is not a cache file's name answers the same
    const own = LEGACY_CACHE_FILE.test(entry) || LEGACY_CACHE_FILE.test(tempFileTarget(entry) ?? '');
    if (!own) continue;
    const file = path.join(dir, entry);
    // Stryker disable next-line ArrowFunction,ObjectLiteral,BooleanLiteral: as above; the file was there a moment ago
    if ((await fsp.lstat(file).catch(() => null))?.isFile()) await fsp.rm(file, { force: true });
  }
  await fsp.rmdir(dir).catch(() => undefined); // fails (and keeps it) when not empty
}
