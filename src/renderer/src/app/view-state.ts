// How the study screen is laid out right now: the Properties panel, the checks panel, focus mode
// and typewriter scrolling. One small store shared by the toolbar, the window keys and the
// study, so none of them re-renders the section editors to pass it along. The author's
// choices for Properties and typewriter scrolling outlast the session (localStorage).
import { useSyncExternalStore } from 'react';

export interface ViewState {
  propertiesOpen: boolean;
  checksOpen: boolean;
  focusMode: boolean;
  typewriter: boolean;
}

const stored = { propertiesOpen: 'casebook.properties.open', typewriter: 'casebook.typewriter' } as const;

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'true';
  } catch {
    return false; // storage may be unavailable; the default is closed/off
  }
}

function writeFlag(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // Not remembered, but the change itself still happens.
  }
}

let state: ViewState = {
  propertiesOpen: readFlag(stored.propertiesOpen),
  checksOpen: false,
  focusMode: false,
  typewriter: readFlag(stored.typewriter),
};
const listeners = new Set<() => void>();

export function viewState(): ViewState {
  return state;
}

export function setView(change: Partial<ViewState>): void {
  const next = { ...state, ...change };
  if ((Object.keys(next) as (keyof ViewState)[]).every((key) => next[key] === state[key])) return;
  state = next;
  if (change.propertiesOpen !== undefined) writeFlag(stored.propertiesOpen, next.propertiesOpen);
  if (change.typewriter !== undefined) writeFlag(stored.typewriter, next.typewriter);
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One field of the view state; the component re-renders only when that field changes. */
export function useView<K extends keyof ViewState>(key: K): ViewState[K] {
  return useSyncExternalStore(subscribe, () => state[key]);
}
