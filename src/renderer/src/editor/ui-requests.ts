// Commands that need a piece of UI (the link popover, the image file picker, the find panel,
// the shortcuts list, quick open) ask for it here; the component that owns that UI listens.
// This keeps the command tables free of React while a keyboard shortcut and a button open the
// same thing.
import type { Editor } from '@tiptap/core';

export type UiRequest =
  | { kind: 'edit-link'; editor: Editor }
  | { kind: 'pick-image'; editor: Editor }
  | { kind: 'find'; replace: boolean }
  | { kind: 'show-shortcuts' }
  | { kind: 'quick-open' }
  /** The open study's layout (app/view-state.ts): Properties panel, focus mode, checks. */
  | { kind: 'toggle-properties' }
  | { kind: 'toggle-focus-mode' }
  | { kind: 'show-checks' }
  /** The open study's History (versions, diff, Restore: history/HistoryDialog.tsx). */
  | { kind: 'show-history' }
  /** Save every pending edit now (Mod-S), instead of after the autosave pause. */
  | { kind: 'save-now' }
  /** Something the author asked for failed; shown in the editor toolbar. */
  | { kind: 'problem'; message: string };

export type UiRequestKind = UiRequest['kind'];
type RequestOf<K extends UiRequestKind> = Extract<UiRequest, { kind: K }>;
type Listener = (request: UiRequest) => void;

// Keyed by our own kind names, never by input.
const listeners = new Map<UiRequestKind, Set<Listener>>();

/** Asks for a piece of UI; false when nothing on screen offers it (the window has no study open). */
export function requestUi(request: UiRequest): boolean {
  const forKind = listeners.get(request.kind);
  if (!forKind?.size) return false;
  for (const listener of [...forKind]) listener(request);
  return true;
}

export function onUiRequest<K extends UiRequestKind>(kind: K, listener: (request: RequestOf<K>) => void): () => void {
  const forKind = listeners.get(kind) ?? new Set<Listener>();
  listeners.set(kind, forKind);
  const wrapped: Listener = (request) => listener(request as RequestOf<K>);
  forKind.add(wrapped);
  return () => forKind.delete(wrapped);
}
