import 'server-only';
import type { IssuedTokens } from './issue';
import { clearCookie, ok, type CookieChange, type Success } from '../http/reply';

/** Both JWT cookies, cleared (logout, or a refresh that failed for good). */
export const CLEAR_JWT_COOKIES: readonly CookieChange[] = [clearCookie('accessToken'), clearCookie('refreshToken')];

/** Browsers: the tokens in HttpOnly cookies, only the user and the expiry in the body. */
export function browserTokens(tokens: IssuedTokens, now: number): Success {
  const { sub, username, role, exp } = tokens.access.claims;
  return ok(
    { user: { id: sub, username, role }, accessTokenExpiresAt: exp * 1000 },
    {
      cookies: [
        { purpose: 'accessToken', value: tokens.access.token, lifetimeSeconds: tokens.accessTokenTtlSeconds },
        // What is left of the family's absolute lifetime.
        { purpose: 'refreshToken', value: tokens.refresh.token, lifetimeSeconds: (tokens.refresh.record.absoluteExpiresAt - now) / 1000 },
      ],
    },
  );
}

/** Non-browser clients: an OAuth-style token response, no cookies. */
export function tokenEndpointTokens(tokens: IssuedTokens): Success {
  return ok(
    {
      access_token: tokens.access.token,
      token_type: 'Bearer',
      expires_in: tokens.accessTokenTtlSeconds,
      refresh_token: tokens.refresh.token,
    },
    { headers: { Pragma: 'no-cache' } },
  );
}
