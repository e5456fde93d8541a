// `casebook import PATH...`: Markdown files and folders → new studies. Every skipped file is
// printed as `file:line[:column]: reason` (the form editors and terminals link to), and the
// command exits 1 when any file was skipped, after importing all the good ones.
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import type { MethodOutput } from '../core/pure/contract';
import { progressReporter } from './progress-line';
import { contractOf, type OpenWorkspace } from './workspace-commands';

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** The report as printed: problems (stderr) and the summary line (stdout). */
export function formatImportReport(report: MethodOutput<'importMarkdown'>): { problems: string[]; summary: string } {
  const problems = [
    ...report.warnings.map((warning) => `Warning: ${warning}`),
    ...report.skipped.map(
      (bad) => `${bad.file}:${bad.line}${bad.column === undefined ? '' : `:${bad.column}`}: skipped: ${bad.reason}`,
    ),
  ];
  const summary = `Imported ${plural(report.imported.length, 'study', 'studies')}; skipped ${plural(report.skipped.length, 'file')}.`;
  return { problems, summary };
}

export function registerImportCommand(program: Command, open: OpenWorkspace, workspaceHelp = 'workspace folder'): void {
  program
    .command('import')
    .description(
      'import Markdown files or folders (front matter + Problem/Decisions/Tradeoffs/Lessons sections) as new studies; exits 1 when a file was skipped',
    )
    .option('-w, --workspace <dir>', workspaceHelp)
    .argument('<paths...>', 'Markdown files or folders')
    .action(async (paths: string[], opts: { workspace?: string }) => {
      const api = await contractOf(open(opts.workspace));
      const progress = progressReporter('Importing');
      const report = await api.importMarkdown({ paths: paths.map((p) => path.resolve(p)) }, ({ done, total, file }) =>
        progress.update(done, total, path.basename(file)),
      );
      progress.done();
      const { problems, summary } = formatImportReport(report);
      for (const line of problems) console.error(line);
      console.log(summary);
      // runCli turns a CommanderError into its exit code without printing anything more.
      if (report.skipped.length > 0) throw new CommanderError(1, 'casebook.import.skipped', '');
    });
}
