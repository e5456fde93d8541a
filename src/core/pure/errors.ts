// Errors are values with a stable code and a message a person can act on.
// Every transport turns a CasebookError into {ok:false,error:{code,message}}, and every client
// (the renderer over IPC or HTTP, the desktop shell helpers, the CLI) turns that envelope back
// into a CasebookError with unwrapResult: one error type on both sides.
import type { z } from 'zod';
import type { ApiResult } from './contract';

export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'read_only',
  'io_error',
  'unknown_method',
  'forbidden',
  'publish_errors',
  // Git sync (core/node/git/): the remote cannot be reached, refused the credentials, or the
  // workspace lacks what the call needs (not a repository, no remote, no author identity).
  'offline',
  'auth_failed',
  'not_configured',
  'internal',
  // Raised by a client when the transport itself fails (no answer, or no readable one).
  'network',
  'bad_response',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class CasebookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Plain data a UI can render (for `publish_errors`: which studies and findings). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CasebookError';
  }
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && knownCodes.has(code);

/** Whether `err` is a CasebookError with this code (for branching on a failed call). */
export function hasErrorCode(err: unknown, code: ErrorCode): err is CasebookError {
  return err instanceof CasebookError && err.code === code;
}

/**
 * The value of an answer, or its error thrown as a CasebookError. The envelope came over a
 * transport: anything not shaped like one is a bad_response, and an unknown code is internal.
 */
export function unwrapResult<T>(result: ApiResult<T>): T {
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    throw new CasebookError('bad_response', 'Casebook answered with something that is not an API result.');
  }
  if (result.ok) return result.value;
  const error: { code?: unknown; message?: unknown; details?: unknown } =
    typeof result.error === 'object' && result.error !== null ? result.error : {};
  const message = typeof error.message === 'string' ? error.message : 'Casebook reported an error without a message.';
  throw new CasebookError(isErrorCode(error.code) ? error.code : 'internal', message, error.details);
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Turns a zod failure into one readable line: `patch.title: Too long (max 300)`. */
export function describeZodError(error: z.ZodError, label = 'input'): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : label;
    return `${where}: ${issue.message}`;
  });
  if (error.issues.length > 5) parts.push(`and ${error.issues.length - 5} more`);
  return parts.join('; ');
}

export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof CasebookError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
