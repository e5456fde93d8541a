// What the crash writer saves for sequence number N, so the checker can tell from a file
// alone which save it holds and whether that save is whole (a torn or mixed file differs).
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';

/** Body size varies with N (up to ~60 KB) so kills land at every phase of a write. */
export function bodyFor(target: string, seq: number): RichTextDoc {
  const size = ((seq * 7919) % 61) * 1000;
  const words = `${target} save ${seq} `.repeat(Math.ceil(size / 20) + 1).slice(0, size + 10);
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] };
}

export const summaryFor = (seq: number): string => `seq ${seq}`;

/** The sequence number a summary or description holds, or null when it holds none. */
export function seqOf(text: string): number | null {
  const match = /^seq (\d+)$/.exec(text);
  return match ? Number(match[1]) : null;
}
