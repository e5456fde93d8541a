// What the preload exposes on window, typed from the contract (never written by hand).
import type { CasebookBridge, ShellEvent } from '../core/pure/contract';

/** Desktop-only helpers; absent in browser mode. */
export interface CasebookShell {
  /** Subscribes to a menu or window event from the main process; returns an unsubscribe. */
  onEvent(event: ShellEvent, listener: () => void): () => void;
  /** Tells the main process that pending edits are flushed and the window may close. */
  readyToClose(): void;
  /** Native folder picker; null when cancelled. */
  chooseFolder(options: { title: string; forExport?: boolean }): Promise<string | null>;
  /** Opens a folder or file with the OS (only paths the app itself produced). */
  openPath(path: string): Promise<void>;
}

declare global {
  interface Window {
    casebook?: CasebookBridge;
    casebookShell?: CasebookShell;
  }
}
