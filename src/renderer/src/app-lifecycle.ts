// Moments when typed edits must leave the page: window blur, unload, and the desktop
// shell's close and menu events. Wired once by the App; returns an undo for each.
import type { CasebookShell } from './api/casebook-client';
import type { AutosaveQueue } from './autosave/autosave-queue';

export function flushOnPageEvents(autosave: AutosaveQueue): () => void {
  const onBlur = () => void autosave.flushAll();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    // If an edit is too large for a keepalive request, ask the user to stay while it saves.
    if (!autosave.flushOnExit()) event.preventDefault();
  };
  const onPageHide = () => void autosave.flushOnExit();
  window.addEventListener('blur', onBlur);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    window.removeEventListener('blur', onBlur);
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('pagehide', onPageHide);
  };
}

export interface ShellHandlers {
  newStudy: () => void;
  reloadWorkspace: () => void;
  /** File → Export… (Cmd/Ctrl+E): show the Export dialog. */
  openExport: () => void;
  /** Help → Keyboard shortcuts. */
  showShortcuts: () => void;
}

export function listenToShell(shell: CasebookShell, autosave: AutosaveQueue, handlers: ShellHandlers): () => void {
  const offs = [
    shell.onEvent('new-study', handlers.newStudy),
    shell.onEvent('open-export', handlers.openExport),
    shell.onEvent('show-shortcuts', handlers.showShortcuts),
    // Sent before the window closes and before the workspace is switched. The main process
    // waits for readyToClose (at most a few seconds), so answer even if a save failed.
    // A conflict left unresolved is kept both ways (a conflict copy), never saved over theirs.
    shell.onEvent('flush-before-close', () => void autosave.flushBeforeClose().then(() => shell.readyToClose())),
    shell.onEvent('workspace-changed', () => {
      // Edits still unsaved belong to the workspace that was left; never send them to the new one.
      autosave.discardAll();
      handlers.reloadWorkspace();
    }),
  ];
  return () => offs.forEach((off) => off());
}
