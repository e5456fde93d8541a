// The difference between two versions of a study as its author reads it: the title, the
// summary and each section as plain text, compared word by word (whitespace kept with the
// words, so the text reads as written). What the History panel renders with <ins>/<del>.
import { diffComm } from 'node-diff3';
import { docToPlainText } from '../schemas/rich-text';
import { sectionKeys, sectionLabels, type Study } from '../schemas/study';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export interface PartDiff {
  /** What the author calls this part of the study ("Title", "Problem"…). */
  label: string;
  parts: DiffPart[];
  changed: boolean;
}

type Compared = Pick<Study, 'title' | 'summary' | (typeof sectionKeys)[number]>;

/** Words and the whitespace between them, as separate tokens (a changed space is not noise). */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

/** Word-level diff of `before` → `after`; neighbouring parts of the same kind are joined. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], words: string[]) => {
    if (words.length === 0) return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += words.join('');
    else parts.push({ kind, text: words.join('') });
  };
  for (const chunk of diffComm(tokens(before), tokens(after))) {
    if (chunk.common) push('same', chunk.common);
    else {
      push('removed', chunk.buffer1);
      push('added', chunk.buffer2);
    }
  }
  return parts;
}

/** The text of each part of a study an author writes, in reading order. */
export function studyTextParts(study: Compared): { label: string; text: string }[] {
  return [
    { label: 'Title', text: study.title },
    { label: 'Summary', text: study.summary },
    ...sectionKeys.map((key) => ({ label: sectionLabels[key], text: docToPlainText(study[key]) })),
  ];
}

/** Each part of the study compared between an older version and the one now. */
export function studyDiff(then: Compared, now: Compared): PartDiff[] {
  const before = studyTextParts(then);
  const after = studyTextParts(now);
  return after.map(({ label, text }, index) => {
    const parts = wordDiff(before[index]!.text, text);
    return { label, parts, changed: parts.some((part) => part.kind !== 'same') };
  });
}

/** Words added and removed in total, for a one-line summary ("12 words added, 3 removed"). */
export function diffCounts(diff: readonly PartDiff[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diff.flatMap((d) => d.parts)) {
    const words = part.text.split(/\s+/u).filter(Boolean).length;
    if (part.kind === 'added') added += words;
    if (part.kind === 'removed') removed += words;
  }
  return { added, removed };
}
