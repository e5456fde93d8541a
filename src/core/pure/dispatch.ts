// The receiving side shared by every transport (IPC, HTTP, the CLI): find the method, refuse a
// write to a read-only workspace, validate the raw input against the contract, call the
// handler (passing on its progress reports), and wrap the answer in the envelope.
import {
  contract,
  isMethodName,
  methodNames,
  progressMethods,
  type ApiResult,
  type CasebookApi,
  type CasebookHandlers,
} from './contract';
import { CasebookError, describeZodError, toErrorBody, unwrapResult } from './errors';
import { MAX_INPUT_DEPTH, tooDeepAt } from './json-depth';

/** The handlers, and why the workspace must not be written now (null: it may be). */
export type DispatchTarget = CasebookHandlers & {
  readOnlyReason?(): string | null | Promise<string | null>;
};

export async function dispatch(
  target: DispatchTarget,
  name: string,
  rawInput: unknown,
  onProgress?: (progress: unknown) => void,
): Promise<ApiResult<unknown>> {
  try {
    if (!isMethodName(name)) throw new CasebookError('unknown_method', `Unknown method "${name}".`);
    // Before validation: in a read-only workspace the reason is what the caller needs to hear.
    if (contract[name].mutates) {
      const reason = await target.readOnlyReason?.();
      if (reason) throw new CasebookError('read_only', reason);
    }
    const deep = tooDeepAt(rawInput, MAX_INPUT_DEPTH);
    if (deep) {
      throw new CasebookError(
        'invalid_input',
        `Invalid input for ${name}: ${deep} is nested more than ${MAX_INPUT_DEPTH} levels deep.`,
      );
    }
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new CasebookError('invalid_input', `Invalid input for ${name}: ${describeZodError(parsed.error)}`);
    }
    const handler = target[name] as (input: unknown, onProgress?: (progress: unknown) => void) => Promise<unknown>;
    const report = onProgress && progressMethods.has(name) ? onProgress : undefined;
    return { ok: true, value: await handler.call(target, parsed.data, report) };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}

/**
 * The contract as plain calls that go through dispatch: what an in-process client (the CLI)
 * uses, so it gets the same validation, read-only refusals and errors (thrown as
 * CasebookError) as IPC and HTTP.
 */
export function dispatchingApi(target: DispatchTarget): CasebookApi {
  const api = new Map<string, (input: unknown, onProgress?: (progress: unknown) => void) => Promise<unknown>>();
  for (const name of methodNames) {
    api.set(name, async (input, onProgress) => unwrapResult(await dispatch(target, name, input, onProgress)));
  }
  return Object.fromEntries(api) as unknown as CasebookApi;
}
