// The difference between two versions of a study as its author reads it: the title, the
// summary and each section as plain text, compared word by word (whitespace kept with the
// words, so the text reads as written). What the History panel renders with <ins>/<del>.
import { diffArrays } from 'diff';
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

/** Paragraphs (lines of the plain text) and the line breaks between them. */
function paragraphs(text: string): string[] {
  return text.match(/\n+|[^\n]+/gu) ?? [];
}

/**
 * The comparing work one diff may do in all; past it, coarser diffs. Myers' algorithm
 * (jsdiff) takes about n + m + d² steps for d words changed between similar texts, so a few
 * edits in a long paragraph are cheap however often its words repeat, and a text mostly
 * rewritten is given up early (maxEditLength).
 */
export const DIFF_BUDGET = 3_000_000;

type Push = (kind: DiffPart['kind'], items: readonly string[]) => void;

/**
 * Word-level diff of `before` → `after`; neighbouring parts of the same kind are joined. Time
 * and memory stay bounded on any study: the common start and end are cut off first; a middle
 * too costly to compare word by word (a long text mostly rewritten) is compared paragraph by
 * paragraph, each replaced run of paragraphs word by word while the budget lasts, and past it
 * shown as removed and added whole.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const push: Push = (kind, items) => {
    if (items.length === 0) return;
    const text = items.join('');
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let budget = DIFF_BUDGET;
  /**
   * Compares by Myers' diff if affordable within `share` of the budget left (and charges it);
   * false: too costly, nothing pushed.
   */
  const compare = (a: string[], b: string[], replaced: (a: string[], b: string[]) => void, share = 1): boolean => {
    // Similar texts cost Myers about n + m + d² steps: d is bounded so that stays in the budget.
    const size = a.length + b.length;
    const maxEditLength = Math.floor(Math.sqrt(Math.max(0, budget * share - size)));
    if (maxEditLength < 1) return false;
    const changes = diffArrays(a, b, { maxEditLength });
    if (!changes) {
      budget -= size + maxEditLength * maxEditLength;
      return false;
    }
    const edits = changes.reduce((d, c) => d + (c.added || c.removed ? c.count : 0), 0);
    budget -= size + edits * edits;
    // A removed run followed by an added one is a replacement: refined or shown whole together.
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      if (!change.added && !change.removed) {
        push('same', change.value);
        continue;
      }
      const next = changes[i + 1];
      const removed = change.removed ? change.value : [];
      const added = change.added ? change.value : next?.added && change.removed ? next.value : [];
      if (change.removed && next?.added) i++;
      replaced(removed, added);
    }
    return true;
  };
  const whole = (a: readonly string[], b: readonly string[]) => {
    push('removed', a);
    push('added', b);
  };
  // Paragraphs already compared are refined word by word, or shown whole: never split again.
  const byWords = (a: string, b: string, byParagraphs: boolean): void =>
    withCommonEnds(tokens(a), tokens(b), push, (midA, midB) => {
      // A failed attempt costs what it was allowed: keep half for the paragraphs, or a long text
      // half rewritten would show whole even where its paragraphs are unchanged or barely fixed.
      if (compare(midA, midB, whole, byParagraphs ? 0.5 : 1)) return;
      if (!byParagraphs) return whole(midA, midB);
      const [paraA, paraB] = [paragraphs(midA.join('')), paragraphs(midB.join(''))];
      const refine = (x: string[], y: string[]) =>
        x.length && y.length ? byWords(x.join(''), y.join(''), false) : whole(x, y);
      if (!compare(paraA, paraB, refine)) whole(paraA, paraB);
    });
  byWords(before, after, true);
  return parts;
}

/** Pushes the tokens `a` and `b` start and end with as the same, and hands on the middles. */
function withCommonEnds(a: string[], b: string[], push: Push, middle: (a: string[], b: string[]) => void): void {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  push('same', a.slice(0, start));
  middle(a.slice(start, endA), b.slice(start, endB));
  push('same', a.slice(endA));
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
