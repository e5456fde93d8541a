// Errors are values with a stable code and a message a person can act on.
// Every transport turns a CasebookError into {ok:false,error:{code,message}}.
import type { z } from 'zod';

export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'read_only',
  'io_error',
  'unknown_method',
  'forbidden',
  'publish_errors',
  'internal',
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
