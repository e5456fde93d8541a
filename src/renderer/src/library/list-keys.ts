// Keys in the library list: one Tab stop for the whole list (roving tabindex), Up/Down move
// between entries (Home/End to the ends), Right reaches the entry's "More actions" button
// and Left comes back; Down from the search box goes to the first entry; Enter opens, as on
// any button.
import { useState, type KeyboardEvent } from 'react';

const ENTRY = 'button.study-entry';
const ACTIONS = '.entry-actions > button';

export function moveInList(e: KeyboardEvent<HTMLElement>): void {
  const target = e.target as HTMLElement;
  if (e.key === 'ArrowRight' && target.matches(ENTRY)) {
    const more = target.closest('li')?.querySelector<HTMLElement>(ACTIONS);
    if (more) {
      e.preventDefault();
      more.focus();
    }
    return;
  }
  if (e.key === 'ArrowLeft' && target.matches(ACTIONS)) {
    e.preventDefault();
    target.closest('li')?.querySelector<HTMLElement>(ENTRY)?.focus();
    return;
  }
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  if (!target.matches(ENTRY)) return; // the actions menu handles its own arrows
  const entries = [...e.currentTarget.querySelectorAll<HTMLElement>(ENTRY)];
  const at = entries.indexOf(target);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? entries.length - 1 : at + (e.key === 'ArrowDown' ? 1 : -1);
  const entry = entries[Math.max(0, Math.min(next, entries.length - 1))];
  if (!entry) return;
  e.preventDefault();
  entry.focus();
}

/** From the search box, Down moves into the results. */
export function enterList(e: KeyboardEvent<HTMLInputElement>, list: HTMLElement | null): void {
  if (e.key !== 'ArrowDown') return;
  const first = list?.querySelector<HTMLElement>(ENTRY);
  if (!first) return;
  e.preventDefault();
  first.focus();
}

/**
 * Which entry is the list's one Tab stop: the one focused last, else the open study, else
 * the first. Tab from before the list lands there; arrows move within.
 */
export function useRovingTabStop(ids: readonly string[], selectedId: string | null) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const has = (id: string | null): id is string => id !== null && ids.includes(id);
  const tabStop = has(focusedId) ? focusedId : has(selectedId) ? selectedId : (ids[0] ?? null);
  return { tabStop, onEntryFocus: setFocusedId };
}
