import 'server-only';
import type { CookiePurpose } from '@/lib/http/cookies';
import type { AppConfig } from '@/lib/config/config';
import { DEFAULT_SESSION_POLICY, validateSession, type SessionPolicy, type SessionScope, type SessionView } from '@/lib/session/session';
import { unsealSessionId } from '@/lib/session/session-cookie';
import type { User } from '@/lib/users/users';
import type { RequestContext } from '../http/context';
import { clearCookie, fail, type Failure } from '../http/reply';

/** Each session scope has its own cookie (see the cookie table). */
export const SESSION_COOKIE: Record<SessionScope, CookiePurpose> = { user: 'session', admin: 'adminSession' };

/** The session policy of this deployment: the defaults, with timeouts from configuration. */
export function sessionPolicyOf(config: AppConfig): SessionPolicy {
  return {
    ...DEFAULT_SESSION_POLICY,
    idleTimeoutSeconds: config.sessionIdleTimeoutSeconds,
    absoluteTimeoutSeconds: config.sessionAbsoluteTimeoutSeconds,
  };
}

export interface AuthenticatedSession {
  ok: true;
  user: User;
  session: SessionView;
  sessionId: string;
  /** The sealed cookie as presented (for its size and a redacted preview, never echoed). */
  cookie: string;
}

export type SessionFailureCode = 'unauthenticated' | 'session_invalid' | 'session_expired';

const FAILURE_MESSAGES: Record<SessionFailureCode, string> = {
  unauthenticated: 'No session cookie: log in first.',
  session_invalid: 'The session cookie is not valid, or its session was revoked. Log in again.',
  session_expired: 'The session has expired. Log in again.',
};

/** The 401 for a failed check; a cookie that did not work is cleared, so the browser stops sending it. */
function sessionFailure(code: SessionFailureCode, scope: SessionScope, cookiePresent: boolean): Failure & { code: SessionFailureCode } {
  return { ...fail(code, FAILURE_MESSAGES[code], cookiePresent ? { cookies: [clearCookie(SESSION_COOKIE[scope])] } : {}), code };
}

/** The session id inside the request's cookie when its seal is good (no store access), else null. */
export async function unsealRequestSessionId(ctx: RequestContext, scope: SessionScope): Promise<string | null> {
  const cookie = ctx.cookie(SESSION_COOKIE[scope]);
  if (cookie === null) return null;
  const unsealed = await ctx.timer.measure('unseal', () =>
    unsealSessionId(cookie, ctx.config.sessionPasswords, ctx.config.sessionAbsoluteTimeoutSeconds),
  );
  return unsealed.ok ? unsealed.sessionId : null;
}

/**
 * Checks the request's session cookie of `scope`: `unseal` (local crypto, no store), then `lookup`
 * (one store read). Both phases are timed into the request's Server-Timing.
 */
export async function authenticateSession(
  ctx: RequestContext,
  scope: SessionScope = 'user',
  options: { slide?: boolean } = {},
): Promise<AuthenticatedSession | (Failure & { code: SessionFailureCode })> {
  const cookie = ctx.cookie(SESSION_COOKIE[scope]);
  if (cookie === null) return sessionFailure('unauthenticated', scope, false);
  const unsealed = await ctx.timer.measure('unseal', () =>
    unsealSessionId(cookie, ctx.config.sessionPasswords, ctx.config.sessionAbsoluteTimeoutSeconds),
  );
  if (!unsealed.ok) return sessionFailure(unsealed.code, scope, true);
  const result = await ctx.timer.measure('lookup', () =>
    validateSession(ctx.store, unsealed.sessionId, { now: ctx.now, policy: sessionPolicyOf(ctx.config), scope, slide: options.slide }),
  );
  if (!result.ok) return sessionFailure(result.code, scope, true);
  // The record's role is a copy from login: the directory decides who the user is now. A user
  // removed from the configuration is refused as `session_invalid` (the same answer as a revoked
  // session: whoever holds the cookie can do nothing about it but log in again, which they cannot).
  const user = ctx.app.users.findById(result.user.id);
  if (user === null) return sessionFailure('session_invalid', scope, true);
  return { ok: true, user, session: result.session, sessionId: unsealed.sessionId, cookie };
}
