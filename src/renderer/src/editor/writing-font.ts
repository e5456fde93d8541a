// The body font the author writes in: sans (the published site's own, the default) or serif.
// A preference of this computer, not of the site or the study: kept in localStorage and put on
// the root element, where writing-type.css picks it up.
import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';

const writingFont = z.enum(['sans', 'serif']);
export type WritingFont = z.infer<typeof writingFont>;

const KEY = 'casebook.writing-font';
const listeners = new Set<() => void>();

function stored(): WritingFont {
  try {
    const parsed = writingFont.safeParse(localStorage.getItem(KEY));
    return parsed.success ? parsed.data : 'sans';
  } catch {
    return 'sans'; // storage refused (a locked-down profile): the default
  }
}

let current: WritingFont | null = null;

function read(): WritingFont {
  if (current === null) {
    current = stored();
    document.documentElement.dataset.writingFont = current;
  }
  return current;
}

export function setWritingFont(font: WritingFont): void {
  current = font;
  document.documentElement.dataset.writingFont = font;
  try {
    localStorage.setItem(KEY, font);
  } catch {
    // Not kept for next time; this window still uses it.
  }
  listeners.forEach((listener) => listener());
}

/** The chosen body font and a setter; the root element follows it. */
export function useWritingFont(): [WritingFont, (font: WritingFont) => void] {
  const font = useSyncExternalStore(
    useCallback((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }, []),
    read,
  );
  return [font, setWritingFont];
}
