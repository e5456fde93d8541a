// The browser-mode client: every contract method becomes `POST /api/<method>` with the token
// header. Built by looping over the contract's method names, so a new method needs no code here.
// A call given a progress listener asks for NDJSON: progress lines, then the envelope.
import {
  contract,
  methodNames,
  progressMethods,
  type ApiResult,
  type CasebookApi,
  type MethodName,
} from '../../../core/pure/contract';
import { CasebookError, unwrapResult } from '../../../core/pure/errors';
import { API_PREFIX, PROGRESS_MEDIA_TYPE, TOKEN_HEADER } from '../../../core/pure/transport';

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

type Listener = (progress: never) => void;

/**
 * The listener a transport passes on: only reports that match the method's progress schema
 * reach it (they crossed a process boundary), and none for a method that reports nothing. A
 * listener that throws is reported, never the call's outcome: the call went on without it
 * (over HTTP it would otherwise read as "no readable body" after the server did the work).
 */
export function progressListener(
  name: MethodName,
  onProgress: Listener | undefined,
): ((progress: unknown) => void) | undefined {
  if (!onProgress || !progressMethods.has(name)) return undefined;
  return (progress) => {
    const parsed = contract[name].progress.safeParse(progress);
    if (!parsed.success) return;
    try {
      onProgress(parsed.data as never);
    } catch (err) {
      console.error(`A progress listener of ${name} failed:`, err);
    }
  };
}

/** Reads an NDJSON answer: each `{progress}` line to the listener; the last line is the envelope. */
async function readProgressStream(response: Response, onProgress: (progress: unknown) => void): Promise<unknown> {
  const reader = response.body?.getReader();
  if (!reader) throw new CasebookError('bad_response', `Casebook answered ${response.status} without a body.`);
  const decoder = new TextDecoder();
  let buffered = '';
  let last: unknown;
  const take = (line: string): void => {
    if (line.trim() === '') return;
    const value = JSON.parse(line) as unknown;
    if (typeof value === 'object' && value !== null && 'progress' in value) onProgress(value.progress);
    else last = value;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach(take);
  }
  take(buffered + decoder.decode());
  return last;
}

export function createHttpClient(token: string, origin = ''): HttpClient {
  const request = (method: MethodName, input: unknown, options: { keepalive?: boolean; progress?: boolean } = {}) =>
    fetch(`${origin}${API_PREFIX}${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [TOKEN_HEADER]: token,
        ...(options.progress ? { Accept: `${PROGRESS_MEDIA_TYPE}, application/json` } : {}),
      },
      body: JSON.stringify(input ?? {}),
      keepalive: options.keepalive ?? false,
    });

  const call = async (method: MethodName, input: unknown, onProgress?: Listener): Promise<unknown> => {
    const listener = progressListener(method, onProgress);
    let response: Response;
    try {
      response = await request(method, input, { progress: listener !== undefined });
    } catch (err) {
      throw new CasebookError(
        'network',
        `Could not reach Casebook (${(err as Error).message}). Is the server running?`,
      );
    }
    let body: unknown;
    try {
      const streamed = listener && response.headers.get('Content-Type')?.startsWith(PROGRESS_MEDIA_TYPE);
      body = streamed ? await readProgressStream(response, listener) : await response.json();
    } catch (err) {
      if (err instanceof CasebookError) throw err;
      throw new CasebookError('bad_response', `Casebook answered ${response.status} without a readable body.`);
    }
    return unwrapResult(body as ApiResult<unknown>);
  };

  const api = Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown, onProgress?: Listener) => call(name, input, onProgress)]),
  ) as unknown as CasebookApi;

  const sendOnExit = (method: MethodName, input: unknown): boolean => {
    if (JSON.stringify(input ?? {}).length > KEEPALIVE_BODY_LIMIT) return false;
    request(method, input, { keepalive: true }).catch(() => undefined); // the page is going away; nobody can hear the answer
    return true;
  };

  return { api, sendOnExit };
}
