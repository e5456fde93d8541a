// An API failure as the renderer sees it: the contract's error code plus a message a person can act on.

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Data the server sent with the error (untrusted: parse it with the contract's schema). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A one-line message for any thrown value, for status text and notices. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
