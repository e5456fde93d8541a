// Why a settings file (casebook.json) could not be read, said so the author can fix it: the
// file, the line, and, when a plain `git pull` text-merged it, that it holds conflict markers.
import path from 'node:path';
import { readRegularFile } from './regular-file';

const MARKER = /^(<{7}|={7}|>{7})(?: |$)/;

/** 1-based line and column of a character offset in `text`. */
function lineOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The reason shown for an unreadable settings file; `shown` says what the settings show meanwhile. */
export async function unreadableReason(file: string, reason: string, shown: string): Promise<string> {
  const name = path.basename(file);
  const tail = `It is left as it is (never replaced); until it is fixed, the site settings show ${shown} and saving them is refused.`;
  let text = '';
  try {
    text = (await readRegularFile(file))?.toString('utf8') ?? '';
  } catch {
    // Unreadable bytes: the reason already says why.
  }
  const lines = text.split('\n');
  const marker = lines.findIndex((line) => MARKER.test(line));
  if (marker >= 0)
    return `${name} holds unresolved git conflict markers (line ${marker + 1}): git merged it as plain text (a clone whose git config lacks the Casebook merge driver, merge.casebook.driver). Edit it to keep the right lines and remove the <<<<<<<, ======= and >>>>>>> lines, then commit it (during an unfinished merge: \`git add ${name}\`, then commit; or \`git merge --abort\`). ${tail}`;
  const at = /at position (\d+)/.exec(reason);
  const where = at ? ` (line ${lineOf(text, Number(at[1])).line}, column ${lineOf(text, Number(at[1])).column})` : '';
  return `${name} could not be read${where}: ${reason}. ${tail}`;
}
