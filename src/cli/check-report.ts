// The publish-readiness report as `casebook check` prints it: grouped by study, errors first.
import type { WorkspaceCheck } from '../core/pure/checks/workspace-checks';
import { siteConflictsMessage } from '../core/pure/checks/publish-gate';
import { sectionLabels, shownTitle } from '../core/pure/schemas/study';
import type { FindingField } from '../core/pure/checks/finding';

export interface CheckOptions {
  strict?: boolean;
  publishedOnly?: boolean;
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
  metrics: 'Key results',
  cover: 'Cover image',
  conflicts: 'Conflicts',
};

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** The report as printed, and the exit code (1 under --strict while any error remains). */
export function formatCheck(report: WorkspaceCheck, options: Pick<CheckOptions, 'strict' | 'publishedOnly'>): CheckRun {
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
  // Conflicts a sync left in site settings (errors: they block a publish) and templates.
  for (const file of report.settings ?? []) {
    const severity = file.errors > 0 ? 'error' : 'warning';
    const n = file.places.length;
    const message =
      file.message ??
      (file.errors > 0
        ? siteConflictsMessage(file.places)
        : `${n} unresolved ${n === 1 ? 'conflict' : 'conflicts'} from a sync (${file.places.join(', ')}): resolve ${n === 1 ? 'it' : 'them'} in Site settings.`);
    lines.push('', file.label, `  ${severity.padEnd(7)}  ${file.message ? 'casebook.json' : 'Conflicts'}: ${message}`);
  }
  const clean = totals.studies - withFindings.length;
  if (withFindings.length > 0 && clean > 0) lines.push('', `${plural(clean, 'study', 'studies')} without findings.`);
  const failed = Boolean(options.strict) && totals.errors > 0;
  if (failed) lines.push('', `Not ready: fix the ${plural(totals.errors, 'error')} above (--strict).`);
  else if (totals.errors === 0 && totals.studies > 0) lines.push('', 'Ready to publish: no errors.');
  return { text: lines.join('\n'), exitCode: failed ? 1 : 0, report };
}
