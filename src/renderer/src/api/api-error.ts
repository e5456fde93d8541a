// A failed call reaches the renderer as the core's CasebookError (core/pure/errors.ts), whatever
// the transport: every client unwraps envelopes with unwrapResult. This file keeps the one
// helper the UI needs beside it.

/** A one-line message for any thrown value, for status text and notices. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
