// Word counts of the open study's sections. Each section recounts 300 ms after the author
// stops typing (counting 20,000 words takes a few milliseconds, too much for every key),
// and only the small count labels re-render, never the editors or the app.
import { useEffect, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { attrText } from '../../../core/pure/rich-text/attr-text';
import { countWords, WORDS_PER_MINUTE } from '../../../core/pure/reading-time';
import type { SectionKey } from '../../../core/pure/schemas/study';

export const RECOUNT_DELAY_MS = 300;

const counts = new Map<SectionKey, number>();
let total = 0;
const listeners = new Set<() => void>();

function setCount(section: SectionKey, words: number | null): void {
  if (words === null) counts.delete(section);
  else if (counts.get(section) === words) return;
  else counts.set(section, words);
  total = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function editorWordCount(editor: Editor): number {
  const { doc } = editor.state;
  let words = countWords(doc.textBetween(0, doc.content.size, '\n', ' '));
  // Text kept in attributes (a record's fields, an entry's time), which textBetween does not see.
  doc.descendants((node) => {
    const held = attrText(node.type.name, node.attrs);
    if (held.length > 0) words += countWords(held.join('\n'));
    return !node.isTextblock;
  });
  return words;
}

/** Keeps the count of `section` in step with `editor` (debounced); returns it. */
export function useSectionWordCount(section: SectionKey, editor: Editor | null): number {
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => setCount(section, editorWordCount(editor));
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(recount, RECOUNT_DELAY_MS);
    };
    recount();
    editor.on('update', later);
    return () => {
      clearTimeout(timer);
      editor.off('update', later);
      setCount(section, null);
    };
  }, [section, editor]);
  return useSyncExternalStore(subscribe, () => counts.get(section) ?? 0);
}

export function useStudyWordCount(): number {
  return useSyncExternalStore(subscribe, () => total);
}

export function formatWords(words: number): string {
  return `${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'}`;
}

/** "6 min read", at the same pace as the site's reading time (never under a minute). */
export function formatReadingTime(words: number): string {
  return `${Math.max(1, Math.round(words / WORDS_PER_MINUTE))} min read`;
}
