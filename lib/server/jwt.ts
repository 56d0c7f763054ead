import 'server-only';
import { errorResponse } from '@/lib/http/errors';
import {
  signAccessToken,
  verifyAccessToken,
  type AccessTokenVerification,
  type SignedAccessToken,
} from '@/lib/jwt/access-token';
import { accessTokenCookie, clearedJwtCookies, jwtCookieNames, readCookie, refreshTokenCookie } from '@/lib/jwt/cookies';
import { checkDenylist, denyAccessToken } from '@/lib/jwt/denylist';
import { createKeyRing, type KeyRing } from '@/lib/jwt/key-ring';
import {
  DEFAULT_REFRESH_POLICY,
  issueRefreshToken,
  revokeRefreshTokenFamily,
  rotateRefreshToken,
  type IssuedRefreshToken,
  type RefreshPolicy,
  type RefreshRevocation,
  type RefreshRotation,
} from '@/lib/jwt/refresh-token';
import {
  buildJwks,
  loadSigningKeys,
  retireSigningKey,
  rotateSigningKey,
  signingKeysFromConfig,
  type SigningKeyChange,
  type SigningKeySet,
} from '@/lib/jwt/signing-keys';
import type { Store } from '@/lib/store/store';
import type { User } from '@/lib/users/users';
import type { AuthRequestContext } from './auth-request';
import { onSharedEvent, publishEvent } from './events';
import { authenticatePassword } from './password-login';
import { getConfig } from './config';
import { getRuntimeSettings, settingsReady } from './settings';
import { getStore } from './store';

/**
 * How often each process re-reads the shared signing keys in the background. Reading them per
 * request would put a store lookup on the hot path the JWT strategy exists to keep free of one;
 * a key rotated or retired on another instance reaches this one within this interval (and at once
 * in the instance that made the change).
 */
export const SIGNING_KEYS_REFRESH_INTERVAL_MS = 5_000;

/** Loads the keys at server start, so the first JWT request does not pay for (or report) that lookup. */
export function warmUpSigningKeys(): void {
  void getKeyRing(getStore()).catch(() => {
    // Store down at boot: the first request will load them (and say so in X-Store-Lookups).
  });
}
/**
 * A token with a `kid` this process does not know may be signed with a key just rotated in on
 * another instance, so it triggers a reload, but at most once per this interval: otherwise an
 * attacker sending random `kid`s could force a store lookup per request.
 */
export const UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS = 5_000;

interface KeyCache {
  ring?: KeyRing;
  keySet?: SigningKeySet;
  loading?: Promise<KeyRing>;
  lastUnknownKidReloadAt: number;
  timer?: ReturnType<typeof setInterval>;
}

const globalForJwt = globalThis as typeof globalThis & { __sessionVsJwtKeys?: KeyCache };

function keyCache(): KeyCache {
  globalForJwt.__sessionVsJwtKeys ??= { lastUnknownKidReloadAt: 0 };
  return globalForJwt.__sessionVsJwtKeys;
}

async function adopt(cache: KeyCache, keySet: SigningKeySet): Promise<KeyRing> {
  if (cache.ring && cache.keySet && cache.keySet.version === keySet.version) return cache.ring;
  const ring = await createKeyRing(keySet);
  cache.ring = ring;
  cache.keySet = keySet;
  return ring;
}

function reloadKeys(cache: KeyCache, store: Store): Promise<KeyRing> {
  cache.loading ??= (async () => {
    const configured = getConfig().jwtPrivateKeys;
    const keySet = configured ? signingKeysFromConfig(configured, 0) : await loadSigningKeys(store, Date.now());
    return adopt(cache, keySet);
  })().finally(() => {
    cache.loading = undefined;
  });
  return cache.loading;
}

/**
 * The imported keys of this process. The first call loads them through `store` (the request's
 * timed store, so that one cold-start lookup is reported honestly); afterwards they are served from
 * memory and refreshed in the background through the shared store.
 */
export async function getKeyRing(store: Store): Promise<KeyRing> {
  const cache = keyCache();
  if (cache.ring) return cache.ring;
  const ring = await reloadKeys(cache, store);
  if (!cache.timer && !getConfig().jwtPrivateKeys) {
    const reloadInBackground = () => void reloadKeys(cache, getStore()).catch(() => {});
    cache.timer = setInterval(reloadInBackground, SIGNING_KEYS_REFRESH_INTERVAL_MS);
    cache.timer.unref?.();
    // A rotation or retirement on any instance reaches this one through the event log within
    // about 1 s; the interval above is the fallback if an event is lost.
    onSharedEvent('key_rotated', reloadInBackground);
    onSharedEvent('key_retired', reloadInBackground);
  }
  return ring;
}

/** The signing keys as this process knows them (loaded through `store` on first use). */
export async function getSigningKeySet(store: Store): Promise<SigningKeySet> {
  await getKeyRing(store);
  const keySet = keyCache().keySet;
  if (!keySet) throw new Error('signing keys did not load');
  return keySet;
}

/** The public JSON Web Key Set of the keys that still verify. */
export async function getJwks(store: Store): Promise<ReturnType<typeof buildJwks>> {
  return buildJwks(await getSigningKeySet(store));
}

/** Admin: rotate, and use the new key in this process at once (others follow within the refresh interval). */
export async function rotateSigningKeyNow(): Promise<SigningKeyChange> {
  if (getConfig().jwtPrivateKeys) return { ok: false, code: 'busy', message: 'Signing keys come from JWT_PRIVATE_KEYS; change that variable to rotate.' };
  const result = await rotateSigningKey(getStore(), Date.now());
  if (result.ok) await adopt(keyCache(), result.keySet);
  return result;
}

/** Admin: retire a `kid`; its tokens fail in this process at once. */
export async function retireSigningKeyNow(kid: string): Promise<SigningKeyChange> {
  if (getConfig().jwtPrivateKeys) return { ok: false, code: 'busy', message: 'Signing keys come from JWT_PRIVATE_KEYS; remove the key there to retire it.' };
  const result = await retireSigningKey(getStore(), kid, Date.now());
  if (result.ok) await adopt(keyCache(), result.keySet);
  return result;
}

export function currentRefreshPolicy(): RefreshPolicy {
  return { ...DEFAULT_REFRESH_POLICY, graceSeconds: getRuntimeSettings().refreshGraceSeconds };
}


export interface IssuedTokens {
  access: SignedAccessToken;
  accessTokenTtlSeconds: number;
  refresh: IssuedRefreshToken;
}

async function signFor(ctx: AuthRequestContext, user: User, now: number): Promise<{ access: SignedAccessToken; accessTokenTtlSeconds: number }> {
  const { accessTokenTtlSeconds } = await settingsReady();
  const ring = await getKeyRing(ctx.store);
  const access = await ctx.timer.measure('sign', () => signAccessToken({ user, signingKey: ring.signingKey, now, ttlSeconds: accessTokenTtlSeconds }));
  return { access, accessTokenTtlSeconds };
}

/** Login: a new refresh-token family and a first access token. */
export async function issueTokens(ctx: AuthRequestContext, user: User): Promise<IssuedTokens> {
  const now = Date.now();
  await settingsReady();
  const refresh = await ctx.timer.measure('store', () => issueRefreshToken(ctx.store, { user, now, policy: currentRefreshPolicy() }));
  return { ...(await signFor(ctx, user, now)), refresh };
}

export type RotatedTokens = { ok: true; tokens: IssuedTokens } | Extract<RefreshRotation, { ok: false }>;

/** Refresh: consume the refresh token, answer with its successor and a new access token. */
export async function rotateTokens(ctx: AuthRequestContext, refreshToken: string): Promise<RotatedTokens> {
  const now = Date.now();
  await settingsReady();
  const rotation = await ctx.timer.measure('rotate', () => rotateRefreshToken(ctx.store, refreshToken, { now, policy: currentRefreshPolicy() }));
  if (!rotation.ok) {
    if (rotation.familyRevoked) {
      // Theft signal: the security team wants this one in the server log as well as on the dashboard.
      console.warn(`[session-vs-jwt] refresh token reused after rotation; family ${rotation.familyId} of ${rotation.userId} revoked`);
      publishEvent({ type: 'refresh_reused', strategy: 'jwt', userId: rotation.userId ?? null, code: 'refresh_reused', detail: { familyId: rotation.familyId ?? null } });
    }
    return rotation;
  }
  const { ok: _ok, user, ...refresh } = rotation;
  return { ok: true, tokens: { ...(await signFor(ctx, user, now)), refresh } };
}

/** The access token of a request: `Authorization: Bearer` first (non-browser clients), else the cookie. */
export function readAccessToken(request: Request, secure: boolean): string | null {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization);
    return match?.[1] ?? '';
  }
  return readCookie(request.headers.get('cookie'), jwtCookieNames(secure).access);
}

export function readRefreshCookie(request: Request, secure: boolean): string | null {
  return readCookie(request.headers.get('cookie'), jwtCookieNames(secure).refresh);
}

export type AccessCheck = AccessTokenVerification | { ok: false; code: 'token_revoked'; reason: string };

/**
 * Verifies an access token: locally, with no store lookup, inside the `verify` timing phase; then,
 * only when the denylist setting is on, one store read inside the `denylist` phase.
 */
export async function authenticateAccessToken(ctx: AuthRequestContext, token: string): Promise<AccessCheck> {
  const ring = await getKeyRing(ctx.store);
  const now = Date.now();
  let result = await ctx.timer.measure('verify', () => verifyAccessToken(token, { resolveKey: (kid) => ring.verificationKeys.get(kid), now }));
  const cache = keyCache();
  if (!result.ok && result.unknownKid !== undefined && now - cache.lastUnknownKidReloadAt >= UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS) {
    cache.lastUnknownKidReloadAt = now;
    const reloaded = await reloadKeys(cache, ctx.store);
    result = await ctx.timer.measure('verify', () => verifyAccessToken(token, { resolveKey: (kid) => reloaded.verificationKeys.get(kid), now }));
  }
  if (!result.ok || !getRuntimeSettings().denylist) return result;
  const claims = result.claims;
  const denied = await ctx.timer.measure('denylist', () => checkDenylist(ctx.store, claims));
  return denied.ok ? result : { ok: false, code: 'token_revoked', reason: denied.reason };
}

export type JwtRequestAuth =
  | { ok: true; token: string; verified: Extract<AccessCheck, { ok: true }> }
  | { ok: false; code: 'unauthenticated' | 'invalid_token' | 'token_expired' | 'token_revoked'; response: Response };

/** The request's access token (Bearer or cookie), verified; or the 401 to answer with. */
export async function authenticateJwtRequest(request: Request, ctx: AuthRequestContext): Promise<JwtRequestAuth> {
  const token = readAccessToken(request, ctx.secure);
  if (token === null) return { ok: false, code: 'unauthenticated', response: ctx.finish(missingTokenResponse()) };
  const verified = await authenticateAccessToken(ctx, token);
  if (!verified.ok) return { ok: false, code: verified.code, response: ctx.finish(rejectedTokenResponse(verified.code)) };
  return { ok: true, token, verified };
}

/**
 * Logout: revoke the refresh-token family, and deny the presented access token by `jti` (written
 * whether the denylist is on or not, so turning it on later still catches this token).
 */
export async function logout(ctx: AuthRequestContext, refreshToken: string | null, accessToken: string | null): Promise<RefreshRevocation | null> {
  const now = Date.now();
  const revocation = refreshToken === null ? null : await ctx.timer.measure('revoke', () => revokeRefreshTokenFamily(ctx.store, refreshToken));
  if (accessToken) {
    const ring = await getKeyRing(ctx.store);
    const verified = await verifyAccessToken(accessToken, { resolveKey: (kid) => ring.verificationKeys.get(kid), now });
    // Only a token we issued may add to the denylist: a forged one must not write to the store.
    if (verified.ok) await denyAccessToken(ctx.store, verified.claims, now);
  }
  if (revocation?.ok) publishEvent({ type: 'logout', strategy: 'jwt', userId: revocation.userId, durationMs: ctx.timer.durationOf('revoke'), detail: { familyId: revocation.familyId } });
  return revocation;
}

const REALM = 'Bearer realm="session-vs-jwt"';

/** 401 for a request without any access token: RFC 6750 says no error code then. */
export function missingTokenResponse(): Response {
  return errorResponse('unauthenticated', 'Log in first: no access token was sent (cookie or Authorization: Bearer).', { 'WWW-Authenticate': REALM });
}

const TOKEN_MESSAGES: Record<'invalid_token' | 'token_expired' | 'token_revoked', string> = {
  invalid_token: 'The access token is not valid.',
  token_expired: 'The access token has expired; refresh it at POST /api/jwt/refresh.',
  token_revoked: 'The access token has been revoked.',
};

export function rejectedTokenResponse(code: 'invalid_token' | 'token_expired' | 'token_revoked'): Response {
  return errorResponse(code, TOKEN_MESSAGES[code], { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="${code}"` });
}

const REFRESH_MESSAGES: Record<Extract<RefreshRotation, { ok: false }>['code'], string> = {
  refresh_invalid: 'The refresh token is missing or not valid; log in again.',
  refresh_expired: 'The refresh token has expired; log in again.',
  refresh_revoked: 'This login has been revoked; log in again.',
  refresh_reused: 'This refresh token was already used. Every token of this login has been revoked; log in again.',
  refresh_in_progress: 'This refresh token was just rotated by a concurrent request; retry with the new one.',
};

export function refreshFailureResponse(code: keyof typeof REFRESH_MESSAGES, clearCookiesFor: boolean | null): Response {
  const response = errorResponse(code, REFRESH_MESSAGES[code]);
  // A concurrent duplicate keeps its cookies: the winner's response has just replaced them.
  if (clearCookiesFor !== null && code !== 'refresh_in_progress') for (const cookie of clearedJwtCookies(clearCookiesFor)) response.headers.append('Set-Cookie', cookie);
  return response;
}

/** Browsers: tokens in HttpOnly cookies, only the user and the expiry in the body. */
export function browserTokenResponse(tokens: IssuedTokens, secure: boolean, now: number = Date.now()): Response {
  const body = { user: userOf(tokens), accessTokenExpiresAt: tokens.access.claims.exp * 1000 };
  const response = Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  response.headers.append('Set-Cookie', accessTokenCookie(tokens.access.token, tokens.accessTokenTtlSeconds, secure));
  response.headers.append('Set-Cookie', refreshTokenCookie(tokens.refresh.token, (tokens.refresh.record.absoluteExpiresAt - now) / 1000, secure));
  return response;
}

/** Non-browser clients: an OAuth-style token response, no cookies. */
export function tokenEndpointResponse(tokens: IssuedTokens): Response {
  return Response.json(
    { access_token: tokens.access.token, token_type: 'Bearer', expires_in: tokens.accessTokenTtlSeconds, refresh_token: tokens.refresh.token },
    { headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } },
  );
}

function userOf(tokens: IssuedTokens): User {
  const { sub, username, role } = tokens.access.claims;
  return { id: sub, username, role };
}


/**
 * A password login for either JWT front door (browser cookies or the token endpoint): checks the
 * credentials, starts a refresh-token family, signs the first access token, records the event.
 */
export async function issueTokensForPassword(request: Request, ctx: AuthRequestContext, client: 'browser' | 'token-endpoint'): Promise<{ ok: true; tokens: IssuedTokens } | { ok: false; response: Response }> {
  const login = await authenticatePassword(request, ctx);
  if (!login.ok) return { ok: false, response: ctx.finish(login.response) };
  const tokens = await issueTokens(ctx, login.user);
  publishEvent({ type: 'login', strategy: 'jwt', userId: login.user.id, username: login.user.username, durationMs: ctx.timer.durationOf('sign'), detail: { client, jti: tokens.access.claims.jti } });
  return { ok: true, tokens };
}
