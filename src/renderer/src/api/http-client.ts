// The browser-mode client: every contract method becomes `POST /api/<method>` with the token
// header. Built by looping over the contract's method names, so a new method needs no code here.
import { methodNames, type ApiResult, type CasebookApi, type MethodName } from '../../../core/pure/contract';
import { ApiError } from './api-error';

export const TOKEN_HEADER = 'X-Casebook-Token';

/** Browsers refuse keepalive requests whose bodies add up to more than 64 KiB. */
export const KEEPALIVE_BODY_LIMIT = 60_000;

export interface HttpClient {
  api: CasebookApi;
  /**
   * Sends a call that survives the page being closed or reloaded (fetch keepalive).
   * Returns false when the body is too large for keepalive, so the caller can warn instead.
   */
  sendOnExit(method: MethodName, input: unknown): boolean;
}

export function createHttpClient(token: string, origin = ''): HttpClient {
  const request = (method: MethodName, input: unknown, keepalive = false): Promise<Response> =>
    fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
      keepalive,
    });

  const call = async (method: MethodName, input: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await request(method, input);
    } catch (err) {
      throw new ApiError('network', `Could not reach Casebook (${(err as Error).message}). Is the server running?`);
    }
    let body: ApiResult<unknown>;
    try {
      body = (await response.json()) as ApiResult<unknown>;
    } catch {
      throw new ApiError('bad_response', `Casebook answered ${response.status} without a readable body.`);
    }
    if (!body.ok) throw new ApiError(body.error.code, body.error.message, body.error.details);
    return body.value;
  };

  const api = Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as unknown as CasebookApi;

  const sendOnExit = (method: MethodName, input: unknown): boolean => {
    if (JSON.stringify(input ?? {}).length > KEEPALIVE_BODY_LIMIT) return false;
    request(method, input, true).catch(() => undefined); // the page is going away; nobody can hear the answer
    return true;
  };

  return { api, sendOnExit };
}
