// `casebook merge-driver %O %A %B %P`: the git merge driver named `casebook` (.gitattributes:
// `studies/*.json merge=casebook`, also casebook.json and templates/*.json), so a plain
// `git pull` merges studies by field and block as Casebook's own sync does
// (core/pure/merge/workspace-file-merge.ts). The result goes into %A, never with conflict
// markers. As with `casebook sync`: conflicts the file itself records (a study's, casebook.json's
// or a template's conflict list: ours in place, theirs beside it) let the pull finish (exit 0)
// and are named on stderr, to resolve in Casebook; a conflict the file cannot hold (a side that
// does not parse) keeps ours and exits 1, so git stops and its own `--ours` / `--theirs` stay in charge.
import { promises as fsp } from 'node:fs';
import { CommanderError, type Command } from 'commander';
import { CliUsageError } from './usage-error';

/** The workspace-relative name of a repository path (the workspace may be a folder of the repository). */
export function workspacePath(repoPath: string): string {
  const parts = repoPath.replaceAll('\\', '/').split('/');
  const name = parts.at(-1) ?? '';
  const folder = parts.at(-2);
  if (folder === 'studies' || folder === 'templates') return `${folder}/${name}`;
  return name;
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    const bytes = await fsp.readFile(file);
    // An empty ancestor is how git says "added on both sides".
    return bytes.length === 0 ? null : bytes;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

// Not UTF-8 (damage): decoded with replacement characters, which cannot parse as a study, so
// the merge keeps that side; the bytes written are always a side's own or the merge's text.
const text = (bytes: Buffer): string => new TextDecoder('utf-8', { fatal: false }).decode(bytes);

export function registerMergeDriverCommand(program: Command): void {
  program
    .command('merge-driver')
    .description('git merge driver: merge a workspace file by field and block (writes the result into OURS)')
    .argument('<base>', 'the common ancestor (%O)')
    .argument('<ours>', 'our version, where the result is written (%A)')
    .argument('<theirs>', 'their version (%B)')
    .argument('[path]', 'the path in the repository (%P)')
    .action(async (baseFile: string, oursFile: string, theirsFile: string, repoPath?: string) => {
      const [base, ours, theirs] = await Promise.all([
        readOrNull(baseFile),
        readOrNull(oursFile),
        readOrNull(theirsFile),
      ]);
      if (ours === null || theirs === null)
        throw new CliUsageError('merge-driver needs both sides’ files (%A and %B).');
      const { mergeWorkspaceFile, workspaceFileKind } = await import('../core/pure/merge/workspace-file-merge');
      const where = workspacePath(repoPath ?? oursFile);
      if (workspaceFileKind(where) === null)
        throw new CliUsageError(
          `merge-driver merges studies/*.json, templates/*.json and casebook.json, not ${where}.`,
        );
      const result = mergeWorkspaceFile(where, base && text(base), text(ours), text(theirs));
      // A side taken whole is written as its own bytes; ours kept is left exactly as it is.
      if (result.text === text(theirs)) await fsp.writeFile(oursFile, theirs);
      else if (result.text !== text(ours)) await fsp.writeFile(oursFile, result.text);
      if (result.conflicts === 0) return;
      const count = `${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'}`;
      if (result.recorded) {
        console.error(
          `casebook: ${where}: kept ${count} for you to resolve in Casebook (the file holds both versions).`,
        );
        return;
      }
      console.error(
        `casebook: ${where}: could not merge ${count} (yours is kept; theirs could not be read or has no place ` +
          'for a second version): choose with git checkout --ours / --theirs, then git add the file.',
      );
      throw new CommanderError(1, 'casebook.merge.conflicts', '');
    });
}
