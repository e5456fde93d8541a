// Commands that need a piece of UI (the link popover, the image file picker, the find panel,
// the shortcuts list) ask for it here; the component that owns that UI listens. This keeps
// the command table free of React while a keyboard shortcut and a button open the same thing.
import type { Editor } from '@tiptap/core';

export type UiRequest =
  | { kind: 'edit-link'; editor: Editor }
  | { kind: 'pick-image'; editor: Editor }
  | { kind: 'find'; replace: boolean }
  | { kind: 'show-shortcuts' }
  /** Something the author asked for failed; shown in the editor toolbar. */
  | { kind: 'problem'; message: string };

type Listener = (request: UiRequest) => void;
const listeners = new Set<Listener>();

export function requestUi(request: UiRequest): void {
  for (const listener of listeners) listener(request);
}

export function onUiRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
