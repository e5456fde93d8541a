// Finds the Electron executable without side effects. Requiring the `electron` package when its
// binary is missing makes it try to download one, so read its path.txt instead.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) — Electron smoke test skipped';

export function electronBinary(): string | null {
  const require = createRequire(import.meta.url);
  try {
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      const exe = require('electron') as string;
      return fs.existsSync(exe) ? exe : null;
    }
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const exe = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}
