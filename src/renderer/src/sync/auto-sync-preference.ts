// Whether the app syncs by itself every few minutes: off by default (a sync sends the
// author's words to others, so it starts as their choice). A preference of this computer,
// kept in localStorage like the writing font (editor/writing-font.ts).
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'casebook.auto-sync';
/** How often the app syncs when the author turned it on. */
export const AUTO_SYNC_MINUTES = 5;
const listeners = new Set<() => void>();

let current: boolean | null = null;

function read(): boolean {
  if (current === null) {
    try {
      current = localStorage.getItem(KEY) === 'on';
    } catch {
      current = false; // storage refused (a locked-down profile): the default
    }
  }
  return current;
}

export function setAutoSync(on: boolean): void {
  current = on;
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Not kept for next time; this window still follows it.
  }
  listeners.forEach((listener) => listener());
}

/** The stored choice and a setter. */
export function useAutoSync(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    useCallback((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }, []),
    read,
  );
  return [on, setAutoSync];
}
