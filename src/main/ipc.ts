// The IPC transport: one ipcMain handler per contract method, registered in a loop so a new
// contract entry needs no edit here. Messages from any frame other than the app's own page
// are refused before they reach the core.
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { methodNames, type ApiResult } from '../core/pure/contract';
import { dispatch, type DispatchTarget } from '../core/pure/dispatch';
import { ipcChannel, shellChannels } from '../core/pure/transport';

export type IpcEvent = IpcMainInvokeEvent | IpcMainEvent;
export type SenderCheck = (event: IpcEvent) => boolean;

export const forbiddenResult: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Refused: the request did not come from the Casebook window.' },
};

const noWorkspaceResult: ApiResult<never> = {
  ok: false,
  error: { code: 'io_error', message: 'No workspace is open yet. Try again in a moment.' },
};

/**
 * Trusted = sent by the top frame of one of our own windows while it shows the app's page.
 * (A frame may be null when it navigated or was destroyed after sending; refuse those too.)
 */
export function createSenderCheck(
  isAppUrl: (url: string) => boolean,
  isOwnContents: (contents: WebContents) => boolean,
): SenderCheck {
  return (event) => {
    const frame: WebFrameMain | null | undefined = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!isOwnContents(event.sender)) return false;
    return isAppUrl(frame.url);
  };
}

export interface IpcHandleRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/**
 * Progress of one call goes back to the window that made it on shellChannels.progress, tagged
 * with the call id the preload chose (a whole number; anything else asks for no progress).
 */
function progressSender(event: IpcMainInvokeEvent, callId: unknown): ((progress: unknown) => void) | undefined {
  if (typeof callId !== 'number' || !Number.isSafeInteger(callId)) return undefined;
  return (progress) => {
    if (!event.sender.isDestroyed()) event.sender.send(shellChannels.progress, callId, progress);
  };
}

export function registerContractHandlers(
  ipcMain: IpcHandleRegistry,
  getHandlers: () => DispatchTarget | null,
  isTrustedSender: SenderCheck,
): void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), async (event, input, callId) => {
      if (!isTrustedSender(event)) return forbiddenResult;
      const handlers = getHandlers();
      if (!handlers) return noWorkspaceResult;
      return dispatch(handlers, name, input, progressSender(event, callId));
    });
  }
}
