import 'server-only';
import { cookieName, cookieSizeBytes } from '@/lib/http/cookies';
import { verifyAccessToken, type AccessTokenVerification } from '@/lib/jwt/access-token';
import { checkDenylist } from '@/lib/jwt/denylist';
import type { KeyRing } from '@/lib/jwt/key-ring';
import type { RequestContext } from '../http/context';
import { fail, type Failure } from '../http/reply';

type AccessCheck = AccessTokenVerification | { ok: false; code: 'token_revoked' | 'invalid_token'; reason: string };
type VerifiedAccess = Extract<AccessCheck, { ok: true }>;
export type TokenFailureCode = 'unauthenticated' | 'invalid_token' | 'token_expired' | 'token_revoked';

const REALM = 'Bearer realm="session-vs-jwt"';

const TOKEN_MESSAGES: Record<TokenFailureCode, string> = {
  unauthenticated: 'Log in first: no access token was sent (cookie or Authorization: Bearer).',
  invalid_token: 'The access token is not valid.',
  token_expired: 'The access token has expired; refresh it at POST /api/jwt/refresh.',
  token_revoked: 'The access token has been revoked.',
};

/** A 401 with its WWW-Authenticate challenge; RFC 6750 says no error code when no token was sent at all. */
function tokenFailure(code: TokenFailureCode): Failure & { code: TokenFailureCode } {
  const challenge = code === 'unauthenticated' ? REALM : `${REALM}, error="invalid_token", error_description="${code}"`;
  return { ...fail(code, TOKEN_MESSAGES[code], { headers: { 'WWW-Authenticate': challenge } }), code };
}

/**
 * The access token of a request: `Authorization: Bearer` first (non-browser clients), else the
 * cookie. Only the Bearer scheme carries a token; any other scheme (Basic credentials added by a
 * staging proxy, say) belongs to someone else, so the cookie still counts. A Bearer header that
 * does not hold exactly one token is an invalid token, never a fall-back to the cookie.
 */
export function readAccessToken(ctx: RequestContext): { token: string; viaBearer: boolean } | null {
  const authorization = ctx.request.headers.get('authorization');
  if (authorization !== null && /^\s*Bearer(\s|$)/i.test(authorization)) {
    return { token: /^\s*Bearer[ ]+([^\s]+)\s*$/i.exec(authorization)?.[1] ?? '', viaBearer: true };
  }
  const cookie = ctx.cookie('accessToken');
  return cookie === null ? null : { token: cookie, viaBearer: false };
}

const verifyWith = (ring: KeyRing, token: string, now: number) =>
  verifyAccessToken(token, { resolveKey: (kid) => ring.verificationKeys.get(kid), now });

/** Verifies a token we issued (signature and claims only; no denylist): for logout, which must not trust a forgery. */
export async function verifyIssuedToken(ctx: RequestContext, token: string): Promise<AccessTokenVerification> {
  return verifyWith((await ctx.app.keys.get(ctx.store)).ring, token, ctx.now);
}

/**
 * Verifies an access token: locally, with no store lookup, inside the `verify` timing phase; then,
 * only when the denylist setting is on, one store read inside the `denylist` phase.
 */
async function authenticateAccessToken(ctx: RequestContext, token: string): Promise<AccessCheck> {
  const { keys, settings } = ctx.app;
  const { ring } = await keys.get(ctx.store);
  let result = await ctx.timer.measure('verify', () => verifyWith(ring, token, ctx.now));
  if (!result.ok && result.unknownKid !== undefined) {
    const reloaded = await keys.reloadForUnknownKid(ctx.store, ctx.now);
    if (reloaded) result = await ctx.timer.measure('verify', () => verifyWith(reloaded.ring, token, ctx.now));
  }
  if (!result.ok) return result;
  // The token's role claim is a copy from signing: a user removed from the configuration is
  // refused as `invalid_token` (the signature is fine, but it no longer names anyone), and a
  // demoted admin is answered with the current role.
  const current = ctx.app.users.findById(result.user.id);
  if (current === null) return { ok: false, code: 'invalid_token', reason: 'unknown_user' };
  result = { ...result, user: current };
  if (!settings.current().denylist) return result;
  const claims = result.claims;
  const denied = await ctx.timer.measure('denylist', () => checkDenylist(ctx.store, claims));
  return denied.ok ? result : { ok: false, code: 'token_revoked', reason: denied.reason };
}

export interface AuthenticatedToken {
  ok: true;
  token: string;
  viaBearer: boolean;
  verified: VerifiedAccess;
}

/** The request's access token (Bearer or cookie), verified; or the 401 to answer with. */
export async function authenticateJwtRequest(ctx: RequestContext): Promise<AuthenticatedToken | (Failure & { code: TokenFailureCode })> {
  const presented = readAccessToken(ctx);
  if (presented === null) return tokenFailure('unauthenticated');
  const verified = await authenticateAccessToken(ctx, presented.token);
  if (!verified.ok) return tokenFailure(verified.code);
  return { ok: true, ...presented, verified };
}

/** Who am I, by access token: the check, recorded as a verify or a rejection, with what the credential costs on the wire. */
export async function checkAccessToken(ctx: RequestContext): Promise<(AuthenticatedToken & { credentialBytes: number }) | Failure> {
  const auth = await authenticateJwtRequest(ctx);
  const durationMs = (ctx.timer.durationOf('verify') ?? 0) + (ctx.timer.durationOf('denylist') ?? 0);
  if (!auth.ok) {
    if (auth.code !== 'unauthenticated') ctx.publish({ type: 'rejection', strategy: 'jwt', code: auth.code, durationMs });
    return auth;
  }
  const { user, claims } = auth.verified;
  ctx.publish({
    type: 'verify',
    strategy: 'jwt',
    userId: user.id,
    username: user.username,
    durationMs,
    detail: { jti: claims.jti, denylist: ctx.timer.durationOf('denylist') !== null },
  });
  // Every request carries it: the cookie, or the Bearer header.
  const credentialBytes = auth.viaBearer
    ? new TextEncoder().encode(`Bearer ${auth.token}`).byteLength
    : cookieSizeBytes(cookieName('accessToken', ctx.secure), auth.token);
  return { ...auth, credentialBytes };
}
