// Where an export may write: safe relative paths inside the output folder, and an output
// folder that — after every symlink on the way is resolved — neither lies inside the
// workspace nor holds it.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { TEMP_PREFIX } from '../atomic-write';
import { CasebookError } from '../../pure/errors';

export const EXPORT_MARKER = '.casebook-export.json';
/** Where Casebook up to 0.1 kept its render cache inside the export; removed by the next export. */
export const LEGACY_RENDER_CACHE_DIR = '.casebook-cache';

/** Why `rel` may not be written, or null when it is a safe path inside the output folder. */
export function unsafeOutputPath(rel: string): string | null {
  if (typeof rel !== 'string' || rel === '') return 'it is empty';
  if (rel.includes('\0')) return 'it contains a NUL character';
  if (rel.includes('\\')) return 'it contains a backslash';
  if (rel.includes(':')) return 'it contains a colon (drive letters and streams are not allowed)';
  if (path.isAbsolute(rel)) return 'it is absolute'; // also `/x` on Windows
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(rel)) return 'it contains a control character';
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'it has an empty, "." or ".." segment';
  if (segments.some((s) => s.length > 255)) return 'a name in it is longer than 255 characters';
  if (rel === EXPORT_MARKER) return 'it is the export marker';
  if (segments[0] === LEGACY_RENDER_CACHE_DIR) return 'it is inside the old render cache folder';
  // Temp files are cleaned up by name; a page may never look like one.
  if (segments.some((s) => s.startsWith(TEMP_PREFIX))) return `a name in it starts with ${TEMP_PREFIX}`;
  return null;
}

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `dir` with every symlink resolved, also when its last parts do not exist yet: the deepest
 * existing ancestor is resolved and the rest appended (`<link-to-workspace>/new` resolves
 * into the workspace).
 */
export async function realPathAllowingMissing(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  for (let current = absolute; ; current = path.dirname(current)) {
    try {
      const real = await fsp.realpath(current);
      return path.join(real, ...missing.reverse());
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(current) === current) throw err;
      missing.push(path.basename(current));
    }
  }
}

/**
 * The real output folder for an export of `workspace`, refused when the two overlap once
 * symlinks are resolved: output mixed into the author's files (or the workspace inside the
 * folder an export rewrites) could overwrite or publish them.
 */
export async function outputFolderOutside(outDir: string, workspace: string): Promise<string> {
  const realOut = await realPathAllowingMissing(outDir);
  const realWorkspace = await realPathAllowingMissing(workspace);
  if (isInside(realWorkspace, realOut) || isInside(realOut, realWorkspace)) {
    const shown = realOut === path.resolve(outDir) ? realOut : `${path.resolve(outDir)} (really ${realOut})`;
    throw new CasebookError(
      'invalid_input',
      `Choose an export folder outside the workspace: ${shown} and the workspace ${realWorkspace} overlap.`,
    );
  }
  return realOut;
}
