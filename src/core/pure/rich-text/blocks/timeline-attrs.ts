// A timeline entry's attributes as every reader sees them: the time the author wrote (free
// text, bounded) and what the moment marks (detection / mitigation / resolution, or nothing).
// Attrs come from a shared file, so anything else falls back: the site, the Markdown export,
// the editor node and the checks all read them through timelineEntryAttrs. No TipTap here.
import { z } from 'zod';

export const timelineKinds = ['', 'detection', 'mitigation', 'resolution'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** The longest time an entry holds ("2026-03-02 14:02 UTC" is 20). */
export const MAX_TIME_CHARS = 40;

/** The visible label of a marked entry (site, editor) and its Markdown label (`_Detected:_`). */
export const timelineKindLabels = new Map<TimelineKind, string>([
  ['', 'Event'],
  ['detection', 'Detected'],
  ['mitigation', 'Mitigated'],
  ['resolution', 'Resolved'],
]);

/** A time as written, cut to MAX_TIME_CHARS characters (not UTF-16 halves). */
export function boundedTime(value: string): string {
  // A value no longer than the limit comes back whole.
  return Array.from(value).slice(0, MAX_TIME_CHARS).join('');
}

const entryAttrsSchema = z.object({
  // One line, no surrounding space: the form Markdown can carry in `**…**`.
  time: z
    .string()
    .catch('')
    .transform((time) => boundedTime(time.replace(/\s+/gu, ' ').trim()).trim()),
  kind: z.enum(timelineKinds).catch(''),
});
export type TimelineEntryAttrs = z.infer<typeof entryAttrsSchema>;

/** Any stored attrs (from disk, pasted, hand-edited) as a time string and a known kind. */
export function timelineEntryAttrs(attrs: unknown): TimelineEntryAttrs {
  // Anything that is not an object fails the schema and falls back like an object that fails.
  const parsed = entryAttrsSchema.safeParse(attrs);
  return parsed.success ? parsed.data : { time: '', kind: '' };
}
