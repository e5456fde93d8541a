// Mod-S (app-keys saveNow): every pending edit is sent now instead of after the autosave
// pause, and the save state says "Saving…" then "Saved" as usual. The key is always the
// window's: the browser's Save Page dialog is never what an author means here.
import { useEffect } from 'react';
import { onUiRequest } from '../editor/ui-requests';
import type { AutosaveQueue } from './autosave-queue';

export function useSaveNow(autosave: AutosaveQueue): void {
  useEffect(() => onUiRequest('save-now', () => void autosave.flushAll()), [autosave]);
}
