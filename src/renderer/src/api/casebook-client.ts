// Picks the transport for this window: the preload bridge in Electron, HTTP in browser mode.
// Both answer envelopes; unwrapResult (core/pure/errors.ts) turns them into values or a thrown
// CasebookError that keeps the error code, the same on every transport.
import { methodNames, type CasebookApi, type CasebookBridge, type MethodName } from '../../../core/pure/contract';
import { unwrapResult } from '../../../core/pure/errors';
import { shellMethodNames, type CasebookShell, type CasebookShellBridge } from '../../../core/pure/shell-api';
import { TOKEN_META } from '../../../core/pure/transport';
import { createHttpClient, progressListener } from './http-client';

export type { CasebookShell };

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
    const api = unwrapBridge(window.casebook);
    return {
      api,
      shell: window.casebookShell ? unwrapShell(window.casebookShell) : null,
      sendOnExit: (method, input) => {
        (api[method] as (i: unknown) => Promise<unknown>)(input).catch(() => undefined);
        return true;
      },
    };
  }
  const http = createHttpClient(browserToken());
  return { api: http.api, shell: null, sendOnExit: http.sendOnExit };
}

type BridgeCall = (input: unknown, onProgress?: (progress: unknown) => void) => Promise<never>;

/** The preload's envelopes as values; progress reports are checked against the contract first. */
function unwrapBridge(bridge: CasebookBridge): CasebookApi {
  return Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown, onProgress?: (progress: never) => void) =>
        unwrapResult(await (bridge[name] as BridgeCall)(input, progressListener(name, onProgress))),
    ]),
  ) as unknown as CasebookApi;
}

/** The shell's calls unwrapped the same way, looping over its table (a new call needs no edit). */
function unwrapShell(bridge: CasebookShellBridge): CasebookShell {
  const calls = Object.fromEntries(
    shellMethodNames.map((name) => [
      name,
      async (input: unknown) => unwrapResult(await (bridge[name] as (i: unknown) => Promise<never>)(input)),
    ]),
  );
  return {
    ...calls,
    onEvent: (event, listener) => bridge.onEvent(event, listener),
    readyToClose: () => bridge.readyToClose(),
  } as CasebookShell;
}

/**
 * Browser mode: the server hands the page its API token in a <meta> tag (only to loads its
 * session cookie authenticates). The address never keeps it: should one still carry ?token=
 * (the server normally redirects it away), it is dropped from the address bar and history.
 */
function browserToken(): string {
  const url = new URL(window.location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }
  return document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
}
