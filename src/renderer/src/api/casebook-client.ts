// Picks the transport for this window: the preload bridge in Electron, HTTP in browser mode.
import { methodNames, type CasebookApi, type CasebookBridge, type MethodName } from '../../../core/pure/contract';
import { ApiError } from './api-error';
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
    const api = unwrapBridge(window.casebook);
    return {
      api,
      shell: window.casebookShell ?? null,
      sendOnExit: (method, input) => {
        (api[method] as (i: unknown) => Promise<unknown>)(input).catch(() => undefined);
        return true;
      },
    };
  }
  const http = createHttpClient(browserToken());
  return { api: http.api, shell: null, sendOnExit: http.sendOnExit };
}

/** Turns the preload's envelopes into values, or ApiErrors that keep the error code. */
function unwrapBridge(bridge: CasebookBridge): CasebookApi {
  return Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown) => {
        const result = await (bridge[name] as (i: unknown) => Promise<Awaited<ReturnType<CasebookBridge[MethodName]>>>)(
          input,
        );
        if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
        return result.value;
      },
    ]),
  ) as unknown as CasebookApi;
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
  return document.querySelector<HTMLMetaElement>('meta[name="casebook-token"]')?.content ?? '';
}
