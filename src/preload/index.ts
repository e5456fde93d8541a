// The sandboxed preload: exposes the API contract as window.casebook and the desktop helpers
// as window.casebookShell, nothing else. The methods are derived from the contract's names,
// so a new contract entry needs no edit here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  ipcChannel,
  methodNames,
  shellEvents,
  type ApiResult,
  type CasebookBridge,
  type ShellEvent,
} from '../core/pure/contract';
import { shellChannels } from '../core/pure/shell-channels';
import type { CasebookShell } from './index.d';

/** An error the renderer can branch on: `err.code` is the contract's error code. */
class CasebookCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CasebookError';
  }
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, input)) as ApiResult<T>;
  if (result.ok) return result.value;
  throw new CasebookCallError(result.error.code, result.error.message);
}

// Contract methods hand the envelope itself to the page: contextBridge keeps only an Error's
// message, so the renderer's client unwraps it and keeps the error code.
const casebook = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input ?? {})]),
) as CasebookBridge;

const knownEvents: ReadonlySet<string> = new Set(shellEvents);

const casebookShell: CasebookShell = {
  onEvent(event: ShellEvent, listener: () => void) {
    if (!knownEvents.has(event)) throw new Error(`Unknown shell event "${String(event)}"`);
    // Wrap so the renderer never receives the IpcRendererEvent (it exposes the sender).
    const handler = (_e: IpcRendererEvent, name: unknown): void => {
      if (name === event) listener();
    };
    ipcRenderer.on(shellChannels.event, handler);
    return () => {
      ipcRenderer.removeListener(shellChannels.event, handler);
    };
  },
  readyToClose() {
    ipcRenderer.send(shellChannels.readyToClose);
  },
  chooseFolder(options) {
    return call<string | null>(shellChannels.chooseFolder, options);
  },
  openPath(path) {
    return call<null>(shellChannels.openPath, path).then(() => undefined);
  },
};

contextBridge.exposeInMainWorld('casebook', casebook);
contextBridge.exposeInMainWorld('casebookShell', casebookShell);
