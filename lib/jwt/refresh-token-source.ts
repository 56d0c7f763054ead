/**
 * Which refresh token a request presents. Browsers send the HttpOnly cookie; non-browser clients
 * send `{ "refresh_token": "..." }` as JSON. When a request carries both, the body wins: a client
 * that names a token explicitly means that one, and it expects its answer in the body (a token
 * response), not in cookies it may not even keep.
 */
export type PresentedRefreshToken =
  { ok: true; token: string | null; source: 'body' | 'cookie' } | { ok: false; code: 'bad_request'; message: string };

/**
 * @param jsonBody the parsed JSON body, or `undefined` when the request sent none
 * @param cookie the refresh cookie's value, or null
 */
export function choosePresentedRefreshToken(jsonBody: unknown, cookie: string | null): PresentedRefreshToken {
  if (jsonBody === undefined) return { ok: true, token: cookie, source: 'cookie' };
  const token =
    typeof jsonBody === 'object' && jsonBody !== null && !Array.isArray(jsonBody)
      ? (jsonBody as { refresh_token?: unknown }).refresh_token
      : undefined;
  if (typeof token !== 'string') return { ok: false, code: 'bad_request', message: 'Expected a JSON object: { "refresh_token": string }.' };
  return { ok: true, token, source: 'body' };
}
