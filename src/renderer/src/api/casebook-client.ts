// Picks the transport for this window: the preload bridge in Electron, HTTP in browser mode.
import type { CasebookApi, MethodName } from '../../../core/contract';
import { createHttpClient } from './http-client';

export type CasebookShell = NonNullable<Window['casebookShell']>;

export interface CasebookClient {
  api: CasebookApi;
  /** Desktop-only menu and window events; null in browser mode. */
  shell: CasebookShell | null;
  /**
   * Best effort call while the page unloads. In Electron the IPC message leaves synchronously
   * (and 'flush-before-close' covers window close properly); in a browser it is a keepalive fetch.
   */
  sendOnExit(method: MethodName, input: unknown): boolean;
}

export function connectCasebook(): CasebookClient {
  if (window.casebook) {
    const api = window.casebook;
    return {
      api,
      shell: window.casebookShell ?? null,
      sendOnExit: (method, input) => {
        (api[method] as (i: unknown) => Promise<unknown>)(input).catch(() => undefined);
        return true;
      },
    };
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const http = createHttpClient(token);
  return { api: http.api, shell: null, sendOnExit: http.sendOnExit };
}
