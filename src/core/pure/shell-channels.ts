// IPC channel names for the desktop-only helpers (window.casebookShell). Contract methods
// use ipcChannel() from the core contract; these few belong to the shell, not the API.
// Plain constants so the sandboxed preload can import them without pulling in Electron main.
export const shellChannels = {
  /** main -> renderer: one ShellEvent name as the only argument. */
  event: 'casebook-shell:event',
  /** renderer -> main: pending edits are flushed. */
  readyToClose: 'casebook-shell:ready-to-close',
  chooseFolder: 'casebook-shell:choose-folder',
  openPath: 'casebook-shell:open-path',
} as const;
