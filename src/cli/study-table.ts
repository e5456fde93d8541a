// A plain-text table of study summaries for `casebook list`. A study a merge left with
// conflicts to resolve shows their number in a Conflicts column (the column appears only when
// some study has any, so a workspace without conflicts lists as it always did). Site settings and
// templates holding conflicts are named under the table.
import type { StudySummary } from '../core/pure/schemas/study';
import { shownTitle } from '../core/pure/schemas/study';
import type { Conflict } from '../core/pure/merge/conflict-schema';
import type { SettingsConflicts } from '../core/pure/merge/settings-conflict-schema';
import { settingConflictPlace } from '../core/pure/sync/conflict-text';

export function formatStudyTable(studies: StudySummary[]): string {
  const withConflicts = studies.some((s) => s.conflictCount > 0);
  const rows = studies.map((s) => {
    const row = [shownTitle(s.title), s.status, s.date ?? '—', s.slug];
    return withConflicts ? [...row, s.conflictCount > 0 ? `${s.conflictCount} to resolve` : ''] : row;
  });
  const header = withConflicts ? ['Title', 'Status', 'Date', 'Slug', 'Conflicts'] : ['Title', 'Status', 'Date', 'Slug'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Lines naming the site settings and templates a sync left with conflicts (none: no lines). */
export function formatSettingsConflicts(conflicts: SettingsConflicts): string[] {
  const line = (label: string, list: Conflict[], file: 'site' | 'template') =>
    `${label}: ${list.length} ${list.length === 1 ? 'conflict' : 'conflicts'} to resolve (${list.map((c) => settingConflictPlace(c, file)).join(', ')}).`;
  return [
    ...(conflicts.site.conflicts.length ? [line('Site settings', conflicts.site.conflicts, 'site')] : []),
    ...conflicts.templates.map((t) => line(`Template '${t.name}'`, t.conflicts, 'template')),
  ];
}
