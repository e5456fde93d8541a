// A plain-text table of study summaries for `casebook list`.
import type { StudySummary } from '../core/pure/schemas/study';
import { shownTitle } from '../core/pure/schemas/study';

export function formatStudyTable(studies: StudySummary[]): string {
  const rows = studies.map((s) => [shownTitle(s.title), s.status, s.date ?? '—', s.slug]);
  const header = ['Title', 'Status', 'Date', 'Slug'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
