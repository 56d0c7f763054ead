import 'server-only';
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { ERROR_STATUS, type ErrorCode } from '@/lib/http/errors';
import { sealSessionId, unsealSessionId } from '@/lib/session/session-cookie';
import { createSession, DEFAULT_SESSION_POLICY, endSession, validateSession, type SessionPolicy, type SessionScope, type SessionView } from '@/lib/session/session';
import type { AppConfig } from '@/lib/config/config';
import type { User } from '@/lib/users/users';
import type { AuthRequestContext } from './auth-request';

/** The session policy of this deployment: the defaults, with timeouts from configuration. */
export function sessionPolicy(config: AppConfig): SessionPolicy {
  return {
    ...DEFAULT_SESSION_POLICY,
    idleTimeoutSeconds: config.sessionIdleTimeoutSeconds,
    absoluteTimeoutSeconds: config.sessionAbsoluteTimeoutSeconds,
  };
}

/** The API's error shape as a NextResponse, for routes that also need to set or clear cookies. */
export function jsonError(code: ErrorCode, message: string): NextResponse {
  return NextResponse.json({ error: code, message }, { status: ERROR_STATUS[code], headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Cookie names. `__Host-` makes the browser insist on Secure, Path=/ and no Domain, so a sibling
 * subdomain cannot plant or overwrite the cookie. The admin cookie is path-scoped to /api/admin,
 * which `__Host-` forbids, so it uses `__Secure-`. Over plain http on a LAN address browsers
 * refuse both prefixes and the Secure flag; the names fall back to unprefixed ones there.
 */
const COOKIE_NAMES: Record<SessionScope, { secure: string; insecure: string; path: string }> = {
  user: { secure: '__Host-session', insecure: 'session', path: '/' },
  admin: { secure: '__Secure-admin-session', insecure: 'admin-session', path: '/api/admin' },
};

export function sessionCookieName(scope: SessionScope, secure: boolean): string {
  return secure ? COOKIE_NAMES[scope].secure : COOKIE_NAMES[scope].insecure;
}

export function sessionCookiePath(scope: SessionScope): string {
  return COOKIE_NAMES[scope].path;
}

export function readSessionCookie(request: NextRequest, ctx: AuthRequestContext, scope: SessionScope = 'user'): string | undefined {
  return request.cookies.get(sessionCookieName(scope, ctx.secure))?.value;
}

export async function sealSessionCookie(sessionId: string, ctx: AuthRequestContext): Promise<string> {
  return ctx.timer.measure('seal', () => sealSessionId(sessionId, ctx.config.sessionPasswords, ctx.config.sessionAbsoluteTimeoutSeconds));
}

export function setSessionCookie(response: NextResponse, ctx: AuthRequestContext, sealed: string, scope: SessionScope = 'user'): void {
  response.cookies.set(sessionCookieName(scope, ctx.secure), sealed, {
    httpOnly: true,
    secure: ctx.secure,
    // Lax: sent on top-level navigations from other sites (links into the app keep working),
    // withheld from cross-site POSTs, iframes and fetches: the CSRF cases.
    sameSite: 'lax',
    path: sessionCookiePath(scope),
    // Like iron-session itself: the cookie ends 60 s before the seal, so a browser never sends a
    // seal the server would call expired.
    maxAge: ctx.config.sessionAbsoluteTimeoutSeconds - 60,
  });
}

export function clearSessionCookie(response: NextResponse, ctx: AuthRequestContext, scope: SessionScope = 'user'): void {
  response.cookies.set(sessionCookieName(scope, ctx.secure), '', {
    httpOnly: true,
    secure: ctx.secure,
    sameSite: 'lax',
    path: sessionCookiePath(scope),
    maxAge: 0,
  });
}

export type SessionAuthResult =
  | { ok: true; user: User; session: SessionView; sessionId: string }
  | { ok: false; code: 'unauthenticated' | 'session_invalid' | 'session_expired'; message: string; cookiePresent: boolean };

const FAILURE_MESSAGES = {
  unauthenticated: 'No session cookie: log in first.',
  session_invalid: 'The session cookie is not valid, or its session was revoked. Log in again.',
  session_expired: 'The session has expired. Log in again.',
} as const;

/** The session id inside the request's cookie when its seal is good (no store access), else null. */
export async function unsealRequestSessionId(request: NextRequest, ctx: AuthRequestContext, scope: SessionScope = 'user'): Promise<string | null> {
  const cookie = readSessionCookie(request, ctx, scope);
  if (cookie === undefined) return null;
  const unsealed = await ctx.timer.measure('unseal', () => unsealSessionId(cookie, ctx.config.sessionPasswords, ctx.config.sessionAbsoluteTimeoutSeconds));
  return unsealed.ok ? unsealed.sessionId : null;
}

/**
 * Checks the request's session cookie: `unseal` (local crypto, no store), then `lookup` (one
 * store read). Both phases are timed into the request's Server-Timing.
 */
export async function authenticateSession(request: NextRequest, ctx: AuthRequestContext, scope: SessionScope = 'user'): Promise<SessionAuthResult> {
  const cookie = readSessionCookie(request, ctx, scope);
  if (cookie === undefined) return { ok: false, code: 'unauthenticated', message: FAILURE_MESSAGES.unauthenticated, cookiePresent: false };
  const unsealed = await ctx.timer.measure('unseal', () => unsealSessionId(cookie, ctx.config.sessionPasswords, ctx.config.sessionAbsoluteTimeoutSeconds));
  if (!unsealed.ok) return { ok: false, code: unsealed.code, message: FAILURE_MESSAGES[unsealed.code], cookiePresent: true };
  const result = await ctx.timer.measure('lookup', () => validateSession(ctx.store, unsealed.sessionId, { now: Date.now(), policy: sessionPolicy(ctx.config), scope }));
  if (!result.ok) return { ok: false, code: result.code, message: FAILURE_MESSAGES[result.code], cookiePresent: true };
  return { ok: true, user: result.user, session: result.session, sessionId: unsealed.sessionId };
}

/** The 401 for a failed session check; a cookie that did not work is cleared so the browser stops sending it. */
export function sessionFailureResponse(failure: Extract<SessionAuthResult, { ok: false }>, ctx: AuthRequestContext, scope: SessionScope = 'user'): NextResponse {
  const response = jsonError(failure.code, failure.message);
  if (failure.cookiePresent) clearSessionCookie(response, ctx, scope);
  return response;
}

/**
 * A login: ends whatever session of this scope the browser had (the old record goes, the id is
 * always new: no fixation), creates the new one and seals its cookie. The caller builds the
 * response and hands it to `setCookie`.
 */
export async function startSession(
  request: NextRequest,
  ctx: AuthRequestContext,
  user: User,
  scope: SessionScope = 'user',
): Promise<{ session: SessionView; setCookie(response: NextResponse): void }> {
  const previousSessionId = await unsealRequestSessionId(request, ctx, scope);
  if (previousSessionId !== null) await endSession(ctx.store, previousSessionId, scope);
  const created = await ctx.timer.measure('store', () =>
    createSession(ctx.store, user, { now: Date.now(), policy: sessionPolicy(ctx.config), scope, userAgent: request.headers.get('user-agent') }),
  );
  const sealed = await sealSessionCookie(created.sessionId, ctx);
  return { session: created.session, setCookie: (response) => setSessionCookie(response, ctx, sealed, scope) };
}
