// Arrow keys in the library: Up/Down move between entries (Home/End to the ends), and Down
// from the search box goes to the first one; Enter opens, as on any button.
import type { KeyboardEvent } from 'react';

const ENTRY = 'button.study-entry';

export function moveInList(e: KeyboardEvent<HTMLElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const target = e.target as HTMLElement;
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
