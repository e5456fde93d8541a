// `casebook check [--strict] [--published-only]`: the publish-readiness report for a
// workspace, grouped by study. With --strict the command fails (exit 1) while any error remains.
import { CommanderError, type Command } from 'commander';
import { checkWorkspace, type WorkspaceCheck } from '../core/pure/checks/workspace-checks';
import type { SiteSettings } from '../core/pure/schemas/site';
import { shownTitle, sectionLabels, type Study } from '../core/pure/schemas/study';
import type { FindingField } from '../core/pure/checks/finding';
import { TemplatePrompts } from '../core/pure/checks/template-prompts';
import type { TemplateList } from '../core/pure/templates/template-schema';
import type { WorkspaceInfo } from '../core/pure/contract';
import { reportWorkspaceProblems } from './workspace-problems';

export interface CheckOptions {
  strict?: boolean;
  publishedOnly?: boolean;
  /** The workspace's template prompts (the built-ins' when not given). */
  prompts?: TemplatePrompts;
}

export interface CheckRun {
  text: string;
  exitCode: number;
  report: WorkspaceCheck;
}

const fieldLabels: Record<FindingField, string> = {
  title: 'Title',
  summary: 'Summary',
  categories: 'Categories',
  date: 'Date',
  slug: 'Slug',
  ...sectionLabels,
};

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

export function runCheck(
  studies: Study[],
  site: Pick<SiteSettings, 'categories'>,
  options: CheckOptions = {},
): CheckRun {
  const report = checkWorkspace(site, studies, { publishedOnly: options.publishedOnly, prompts: options.prompts });
  const { totals } = report;
  const lines: string[] = [];
  const scope = options.publishedOnly ? 'published studies' : 'studies';
  lines.push(
    `Checked ${totals.studies} ${scope}: ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}.`,
  );
  // Studies with errors first, then those with only warnings; clean studies are only counted.
  const withFindings = report.studies
    .filter((s) => s.findings.length > 0)
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.title.localeCompare(b.title));
  for (const study of withFindings) {
    lines.push('', `${shownTitle(study.title)}  (${study.status}, ${study.slug})`);
    const ordered = [...study.findings].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
    );
    for (const f of ordered) lines.push(`  ${f.severity.padEnd(7)}  ${fieldLabels[f.field]}: ${f.message}`);
  }
  const clean = totals.studies - withFindings.length;
  if (withFindings.length > 0 && clean > 0) lines.push('', `${plural(clean, 'study', 'studies')} without findings.`);
  const failed = Boolean(options.strict) && totals.errors > 0;
  if (failed) lines.push('', `Not ready: fix the ${plural(totals.errors, 'error')} above (--strict).`);
  else if (totals.errors === 0 && totals.studies > 0) lines.push('', 'Ready to publish: no errors.');
  return { text: lines.join('\n'), exitCode: failed ? 1 : 0, report };
}

/** What the check needs from an open workspace (the core service provides it). */
export interface CheckableWorkspace {
  loadAllStudies(): Promise<Study[]>;
  getSite(input: Record<string, never>): Promise<SiteSettings>;
  listTemplates(input: Record<string, never>): Promise<TemplateList>;
  /** When given, files set aside or left out are reported after the check. */
  getWorkspaceInfo?(input: Record<string, never>): Promise<WorkspaceInfo>;
}

export async function checkOpenWorkspace(service: CheckableWorkspace, options: CheckOptions = {}): Promise<CheckRun> {
  const prompts = TemplatePrompts.withWorkspace((await service.listTemplates({})).templates);
  return runCheck(await service.loadAllStudies(), await service.getSite({}), { ...options, prompts });
}

/** Adds `check` to the CLI; `open` resolves --workspace (or its default) and opens it. */
export function registerCheckCommand(
  program: Command,
  open: (workspace: string | undefined) => Promise<CheckableWorkspace>,
  workspaceHelp = 'workspace folder',
): void {
  program
    .command('check')
    .description('check every case study is ready to publish (summary, sections, categories, date, links, images)')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--strict', 'exit with status 1 when any error remains')
    .option('--published-only', 'check only published studies (drafts are not exported)')
    .action(async (opts: { workspace?: string; strict?: boolean; publishedOnly?: boolean }) => {
      const service = await open(opts.workspace);
      const run = await checkOpenWorkspace(service, opts);
      console.log(run.text);
      if (service.getWorkspaceInfo) reportWorkspaceProblems(await service.getWorkspaceInfo({}));
      // runCli turns a CommanderError into its exit code without printing anything more.
      if (run.exitCode !== 0) throw new CommanderError(run.exitCode, 'casebook.check.failed', '');
    });
}
