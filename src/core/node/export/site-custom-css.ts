// The site's custom CSS file (site settings → customCss), read from the workspace for the
// export, which appends it last to assets/site.css. A workspace comes through git, so the path
// is not trusted: it must stay inside the workspace (no absolute path, no `..`, no hidden
// folder such as .git or .casebook), no folder on the way may be a symbolic link, the file
// itself must be a regular file (never followed through a link: readRegularFile opens it with
// O_NOFOLLOW), UTF-8, and at most MAX_CUSTOM_CSS_BYTES.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { formatBytes, readRegularFile, UnreadableFileError } from '../regular-file';

/** Far above a hand-written theme (a few KB), well below what would slow every page. */
export const MAX_CUSTOM_CSS_BYTES = 128 * 1024;

export type CustomCss = { css: string } | { refused: string };

/** The segments of a workspace-relative path, or null when it could lead outside. */
function safeSegments(rel: string): string[] | null {
  if (!rel || rel.includes('\\') || rel.includes('\0') || path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel))
    return null;
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return null;
  return segments;
}

/** The custom CSS at `rel` in `workspace`, or why it was not read. Never throws. */
export async function readCustomCss(workspace: string, rel: string): Promise<CustomCss> {
  const refused = (why: string): CustomCss => ({ refused: `Custom CSS "${rel}" was not added: ${why}` });
  const segments = safeSegments(rel);
  if (!segments || !rel.toLowerCase().endsWith('.css'))
    return refused('it must be a .css file inside the workspace (no "..", no hidden folders)');
  let dir = path.resolve(workspace);
  for (const name of segments.slice(0, -1)) {
    dir = path.join(dir, name);
    const stat = await fsp.lstat(dir).catch(() => null);
    if (!stat) return refused('the file is missing');
    if (stat.isSymbolicLink()) return refused(`the folder "${name}" is a symbolic link (links are not followed)`);
    if (!stat.isDirectory()) return refused(`"${name}" is not a folder`);
  }
  try {
    const bytes = await readRegularFile(path.join(dir, segments.at(-1)!), MAX_CUSTOM_CSS_BYTES);
    if (bytes === null) return refused('the file is missing');
    const css = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { css };
  } catch (err) {
    if (err instanceof UnreadableFileError) {
      return refused(
        /too large|larger/i.test(err.reason)
          ? `it is larger than ${formatBytes(MAX_CUSTOM_CSS_BYTES)}`
          : err.reason.replace(/ \(replace it.*\)$/, ''),
      );
    }
    if (err instanceof TypeError) return refused('it is not UTF-8 text');
    return refused((err as Error).message);
  }
}
