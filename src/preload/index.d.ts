// What the preload exposes on window. Nothing is written here by hand: the bridge's type comes
// from the contract, the shell's from its schema table (core/pure/shell-api.ts).
import type { CasebookBridge } from '../core/pure/contract';
import type { CasebookShellBridge } from '../core/pure/shell-api';

declare global {
  interface Window {
    casebook?: CasebookBridge;
    casebookShell?: CasebookShellBridge;
  }
}
