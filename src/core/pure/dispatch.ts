// The receiving side shared by every transport: find the method, validate the raw
// input against the contract, call the handler, and wrap the answer in the envelope.
import { contract, isMethodName, type ApiResult, type CasebookHandlers } from './contract';
import { CasebookError, describeZodError, toErrorBody } from './errors';
import { MAX_INPUT_DEPTH, tooDeepAt } from './json-depth';

export async function dispatch(
  handlers: CasebookHandlers,
  name: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  try {
    if (!isMethodName(name)) throw new CasebookError('unknown_method', `Unknown method "${name}".`);
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
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}
