/**
 * The one table that maps an error code to its HTTP status. Every error response of the API is
 * `{ "error": code, "message": text }`, built here, so clients can branch on `error` and tests can
 * assert on it.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  /** A session cookie that is missing, unreadable or points at no live session. */
  session_invalid: 401,
  session_expired: 401,
  /** JWT rejections (the WWW-Authenticate header says invalid_token for these). */
  invalid_token: 401,
  token_expired: 401,
  token_revoked: 401,
  /** A refresh token presented again after it was rotated: treated as theft. */
  refresh_reused: 401,
  refresh_invalid: 401,
  refresh_expired: 401,
  refresh_revoked: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  /** The change cannot be made in the current state (e.g. retiring the current signing key). */
  conflict: 409,
  /** A concurrent refresh of the same token inside the grace window: retry with the new cookie. */
  refresh_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /**
   * Too many: failed logins for this account or from this client, or more than
   * MAX_EVENT_STREAMS_PER_USER event streams open. Retry-After says when to try again.
   */
  rate_limited: 429,
  /** The Host header names a host this app does not answer to (DNS rebinding): see host-check.ts. */
  misdirected_request: 421,
  internal_error: 500,
  store_unavailable: 503,
  /**
   * Every password-verification slot is taken and the queue is full. 503, not 429: it is the
   * server's capacity that ran out, not this client that misbehaved; Retry-After says 1 s.
   */
  server_busy: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: ErrorCode;
  message: string;
}
