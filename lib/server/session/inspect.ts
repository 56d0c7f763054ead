import 'server-only';
import { redactSeal } from '@/lib/dashboard/credential-view';
import { cookieName, cookieSizeBytes, describeCookie } from '@/lib/http/cookies';
import { listUserSessions } from '@/lib/session/session';
import type { RequestContext } from '../http/context';
import type { Failure } from '../http/reply';
import { authenticateSession, sessionPolicyOf, type AuthenticatedSession, type SessionFailureCode } from './authenticate';

/** Who am I, by session: the check, recorded on the event log as a lookup or a rejection. */
export async function checkSession(
  ctx: RequestContext,
): Promise<(AuthenticatedSession & { credentialBytes: number }) | (Failure & { code: SessionFailureCode })> {
  const auth = await authenticateSession(ctx);
  if (!auth.ok) {
    ctx.publish({
      type: 'rejection',
      strategy: 'session',
      code: auth.code,
      durationMs: ctx.timer.durationOf('lookup') ?? ctx.timer.durationOf('unseal'),
    });
    return auth;
  }
  ctx.publish({
    type: 'lookup',
    strategy: 'session',
    userId: auth.user.id,
    username: auth.user.username,
    durationMs: ctx.timer.durationOf('lookup'),
  });
  return { ...auth, credentialBytes: cookieSizeBytes(cookieName('session', ctx.secure), auth.cookie) };
}

/**
 * For the dashboard: the session cookie as the browser holds it (redacted: page scripts must not
 * get a replayable value) and the server-side record it points to.
 */
export function describeSessionCredential(ctx: RequestContext, auth: AuthenticatedSession) {
  const { createdAt } = auth.session;
  return {
    cookie: describeCookie('session', ctx.secure, auth.cookie, redactSeal(auth.cookie), {
      issuedAt: createdAt,
      expiresAt: createdAt + ctx.config.sessionAbsoluteTimeoutSeconds * 1000,
    }),
    contains: 'an encrypted, signed session id and nothing else',
    record: { storeKey: `session:${auth.session.id.slice(0, 12)}…`, user: auth.user, ...auth.session },
  };
}

/** The user's live sessions, one per browser or device, the current one marked. */
export async function listOwnSessions(ctx: RequestContext, auth: AuthenticatedSession) {
  const sessions = await ctx.timer.measure('list', () =>
    listUserSessions(ctx.store, auth.user.id, { now: ctx.now, policy: sessionPolicyOf(ctx.config) }),
  );
  return sessions.map((session) => ({ ...session, current: session.id === auth.session.id }));
}
