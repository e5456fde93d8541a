// HTTP status for each API error code (browser mode).
import type { ErrorCode } from '../core/pure/errors';

export const httpStatusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  unknown_method: 404,
  forbidden: 403,
  conflict: 409,
  read_only: 409,
  publish_errors: 409,
  io_error: 500,
  offline: 503,
  auth_failed: 401,
  not_configured: 409,
  internal: 500,
  // Client-side codes; a server never sends them, but the table must be total.
  network: 502,
  bad_response: 502,
};
