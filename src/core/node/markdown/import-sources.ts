// The Markdown files an import reads, found from the paths the user named. Containment is
// decided on real paths: the folder the user named (or, for a named file, its folder) is the
// boundary, and a symbolic link is followed only when its real target lies inside it. A link
// that leads out — an image, a folder, or the .md file itself — is never read. Links inside are
// followed because a site's content often links pages or image folders within itself; each real
// folder and file is read once, so a link loop or a second name for a page imports nothing twice.
import { promises as fsp, type Dirent } from 'node:fs';
import path from 'node:path';
import type { MarkdownImportProblem } from './markdown-import';

const MARKDOWN_FILE = /\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface MarkdownSource {
  /** The path as the user sees it (the named path, joined with the names walked). */
  file: string;
  /** Its real path, which is what is read. */
  real: string;
  /** The real path of the folder nothing may be read from outside of. */
  root: string;
}

/** True when `target` is `root` or lies inside it (both real, absolute paths). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  // `root` itself gives '', which passes all three.
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

export async function findMarkdownSources(
  paths: string[],
  skip: (problem: MarkdownImportProblem) => void,
  warn: (message: string) => void,
): Promise<MarkdownSource[]> {
  const found: MarkdownSource[] = [];
  const seen = new Set<string>();
  const add = (source: MarkdownSource) => {
    if (seen.has(source.real)) warn(`${source.file}: the same file as another one imported; read once.`);
    else {
      seen.add(source.real);
      found.push(source);
    }
  };

  const walk = async (dirReal: string, dirShown: string, root: string): Promise<void> => {
    if (seen.has(dirReal)) return;
    seen.add(dirReal);
    const entries: Dirent[] = await fsp.readdir(dirReal, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const shown = path.join(dirShown, entry.name);
      const markdown = MARKDOWN_FILE.test(entry.name) && !/^_index\./i.test(entry.name);
      // `_index.md` is a Hugo section's own page, not a study.
      let real = path.join(dirReal, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          real = await fsp.realpath(real);
          isDir = (await fsp.stat(real)).isDirectory();
        } catch {
          if (markdown) skip({ file: shown, line: 1, reason: 'It is a symbolic link to a file that does not exist.' });
          continue;
        }
        if (!isInside(root, real)) {
          if (markdown || isDir) {
            const what = isDir ? 'folder' : 'file';
            const reason = `It is a symbolic link to a ${what} outside the folder you imported (${real}); links out are never followed.`;
            if (markdown) skip({ file: shown, line: 1, reason });
            else warn(`${shown}: ${reason}`);
          }
          continue;
        }
      }
      try {
        if (isDir) await walk(real, shown, root);
      } catch (err) {
        skip({ file: shown, line: 1, reason: `The folder cannot be read: ${(err as Error).message}` });
      }
      // A pipe or device named .md is refused when it is read (from its lstat, never opened).
      if (markdown && !isDir) add({ file: shown, real, root });
    }
  };

  for (const given of paths) {
    const shown = path.resolve(given);
    try {
      const info = await fsp.stat(shown);
      if (info.isDirectory()) {
        // The folder the user named is the boundary, wherever its own name leads.
        const root = await fsp.realpath(shown);
        await walk(root, shown, root);
      } else if (!MARKDOWN_FILE.test(shown)) {
        skip({ file: shown, line: 1, reason: 'Not a Markdown file (.md or .markdown).' });
      } else {
        const root = await fsp.realpath(path.dirname(shown));
        const real = await fsp.realpath(shown);
        if (!isInside(root, real)) {
          skip({
            file: shown,
            line: 1,
            reason: `It is a symbolic link to a file outside its folder (${real}); name that file itself to import it.`,
          });
        } else add({ file: shown, real, root });
      }
    } catch (err) {
      skip({ file: shown, line: 1, reason: `Cannot be read: ${(err as Error).message}` });
    }
  }
  return found;
}
