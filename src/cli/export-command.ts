// `casebook export`: the workspace as a static site or Markdown. Refuses (exit 1, each study
// and error named, nothing written) while a study it would publish has a publish-check error,
// unless --allow-errors.
import path from 'node:path';
import type { Command } from 'commander';
import { prepareCardAllocator } from '../core/node/export/card-allocator';
import { CasebookError } from '../core/pure/errors';
import { exportFormatIds, exportFormatInfo } from '../core/pure/export/export-format-table';
import { progressReporter } from './progress-line';
import { contractOf, type OpenWorkspace } from './workspace-commands';
import { reportWorkspaceProblems } from './workspace-problems';

/** Adds `export` to the CLI; `open` resolves --workspace (or its default) and opens it. */
export function registerExportCommand(program: Command, open: OpenWorkspace, workspaceHelp: string): void {
  program
    .command('export')
    .description('export the workspace as a static HTML site or as Markdown page bundles')
    .option('-w, --workspace <dir>', workspaceHelp)
    .requiredOption('-f, --format <format>', exportFormatIds.join(' or '))
    .requiredOption('-o, --out <dir>', 'output folder (empty, new, or a previous export of the same format)')
    .option('--drafts', 'include draft studies')
    .option('--allow-errors', 'export even when a study it publishes has publish-check errors (see casebook check)')
    .action(
      async (opts: { workspace?: string; format: string; out: string; drafts?: boolean; allowErrors?: boolean }) => {
        // Before anything loads resvg: this process ends with the export (card-allocator.ts).
        prepareCardAllocator();
        const { formatOption, parseOption } = await import('./cli-options');
        const format = parseOption(formatOption, opts.format, '--format');
        const api = await contractOf(open(opts.workspace));
        // A casebook.json set aside means default site settings: say so before publishing with them.
        reportWorkspaceProblems(await api.getWorkspaceInfo({}));
        const { publishBlockSchema, publishErrorsMessage } = await import('../core/pure/checks/publish-gate');
        const info = exportFormatInfo(format);
        const progress = progressReporter(info.writing);
        const started = performance.now();
        const report = await api
          .exportWorkspace(
            {
              format,
              outDir: path.resolve(opts.out),
              drafts: Boolean(opts.drafts),
              allowErrors: Boolean(opts.allowErrors),
            },
            ({ stage, done, total }) => {
              if (stage === 'writing') progress.update(done, total);
            },
          )
          .catch((err: unknown) => {
            // The refusal names every study and error; say how to go ahead anyway.
            const block = err instanceof CasebookError ? publishBlockSchema.safeParse(err.details) : null;
            if (err instanceof CasebookError && err.code === 'publish_errors' && block?.success) {
              const whatToDo =
                'Fix them (casebook check lists them), or run again with --allow-errors to export anyway.';
              throw new CasebookError(err.code, publishErrorsMessage(block.data, whatToDo));
            }
            throw err;
          });
        progress.done();
        for (const warning of report.warnings) console.error(`Warning: ${warning}`);
        if (report.studiesWithErrors > 0) {
          console.error(
            `Exported with --allow-errors: ${report.studiesWithErrors} ${report.studiesWithErrors === 1 ? 'study has' : 'studies have'} publish-check errors (casebook check lists them).`,
          );
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Exported ${report.studies} ${report.studies === 1 ? 'study' : 'studies'} as ${info.result} to ${report.outDir} in ${seconds} s: ${report.written} files written, ${report.unchanged} unchanged, ${report.removed} removed.`,
        );
        if (info.entryPage) console.log(`Open ${path.join(report.outDir, info.entryPage)} to see it.`);
      },
    );
}
