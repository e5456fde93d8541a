// The sandboxed preload: exposes the API contract as window.casebook and the desktop helpers
// as window.casebookShell, nothing else. The methods are derived from the contract's names and
// the shell's table, so a new entry needs no edit here. Every call answers its envelope:
// contextBridge keeps only an Error's message, so the renderer's client unwraps it and keeps
// the error code (one unwrapper, core/pure/errors.ts).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { methodNames, progressMethods, type CasebookBridge, type MethodName } from '../core/pure/contract';
import { shellEvents, shellMethodNames, type CasebookShellBridge, type ShellEvent } from '../core/pure/shell-api';
import { ipcChannel, shellChannels } from '../core/pure/transport';

// Progress reports come back on one channel, tagged with the id of the call that asked.
const progressListeners = new Map<number, (progress: unknown) => void>();
let lastCallId = 0;
ipcRenderer.on(shellChannels.progress, (_e: IpcRendererEvent, callId: unknown, progress: unknown) => {
  if (typeof callId === 'number') progressListeners.get(callId)?.(progress);
});

async function invokeWithProgress(name: MethodName, input: unknown, onProgress: unknown): Promise<unknown> {
  if (typeof onProgress !== 'function' || !progressMethods.has(name)) {
    return ipcRenderer.invoke(ipcChannel(name), input ?? {});
  }
  const callId = ++lastCallId;
  progressListeners.set(callId, (progress) => (onProgress as (p: unknown) => void)(progress));
  try {
    return await ipcRenderer.invoke(ipcChannel(name), input ?? {}, callId);
  } finally {
    progressListeners.delete(callId);
  }
}

const casebook = Object.fromEntries(
  methodNames.map((name) => [
    name,
    (input: unknown, onProgress?: unknown) => invokeWithProgress(name, input, onProgress),
  ]),
) as CasebookBridge;

const knownEvents: ReadonlySet<string> = new Set(shellEvents);

// Each shell call is one invoke on its own channel; main validates the input with the same table.
const shellCalls = Object.fromEntries(
  shellMethodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(shellChannels[name], input)]),
);

const casebookShell = {
  ...shellCalls,
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
} as CasebookShellBridge;

contextBridge.exposeInMainWorld('casebook', casebook);
contextBridge.exposeInMainWorld('casebookShell', casebookShell);
