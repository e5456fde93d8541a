// The command git runs for `merge=casebook` in a repository the desktop app made or cloned: the
// app's own executable as Node (ELECTRON_RUN_AS_NODE) running the bundled CLI, so a plain
// `git pull` merges studies as Casebook's sync does, with no separate install of the CLI.
import path from 'node:path';
import { shellQuote } from '../core/pure/shell-quote';

export function desktopDriverCommand(execPath: string, appPath: string): string {
  return `ELECTRON_RUN_AS_NODE=1 ${shellQuote(execPath)} ${shellQuote(path.join(appPath, 'bin', 'casebook.mjs'))}`;
}
