// Which paths casebookShell.openPath may hand to the OS: folders, and files of a few
// document types, inside the workspace or inside a folder the user picked this session.
// Executables and scripts are never opened, even inside those folders.
import { promises as fsp } from 'node:fs';
import path from 'node:path';

const OPENABLE_FILE_EXTENSIONS = new Set([
  '.html',
  '.md',
  '.xml',
  '.json',
  '.txt',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
]);

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realpathOrNull(p: string): Promise<string | null> {
  try {
    return await fsp.realpath(p);
  } catch {
    return null;
  }
}

export interface PathGrants {
  /** Records a folder the user chose in a native dialog. */
  grant(dir: string): void;
  /** Resolves to the real path to open, or null when it is not allowed. */
  check(target: string, workspace: string | null): Promise<string | null>;
}

export function createPathGrants(): PathGrants {
  const granted = new Set<string>();
  return {
    grant(dir) {
      granted.add(path.resolve(dir));
    },
    async check(target, workspace) {
      if (typeof target !== 'string' || !path.isAbsolute(target)) return null;
      // Compare real paths so a symlink inside the workspace cannot point the OS elsewhere.
      const real = await realpathOrNull(target);
      if (!real) return null;
      const roots = [...granted, ...(workspace ? [workspace] : [])];
      let inside = false;
      for (const root of roots) {
        const realRoot = await realpathOrNull(root);
        if (realRoot && isInside(real, realRoot)) inside = true;
      }
      if (!inside) return null;
      const stat = await fsp.stat(real);
      if (stat.isDirectory()) return real;
      if (stat.isFile() && OPENABLE_FILE_EXTENSIONS.has(path.extname(real).toLowerCase())) return real;
      return null;
    },
  };
}
