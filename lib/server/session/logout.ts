import 'server-only';
import { endSession, revokeOwnSession, revokeUserSessions, type SessionScope } from '@/lib/session/session';
import type { RequestContext } from '../http/context';
import { clearCookie, fail, type Failure } from '../http/reply';
import { SESSION_COOKIE, unsealRequestSessionId, type AuthenticatedSession } from './authenticate';

/**
 * Logout: deletes the record the cookie points to (a copy of the cookie is worthless from then on)
 * and returns the cookie to clear. Idempotent: without a valid cookie there is nothing to delete.
 */
export async function endCurrentSession(
  ctx: RequestContext,
  scope: SessionScope,
): Promise<{ ok: true; clear: ReturnType<typeof clearCookie> }> {
  const sessionId = await unsealRequestSessionId(ctx, scope);
  if (sessionId !== null) {
    const ended = await ctx.timer.measure('revoke', () => endSession(ctx.store, sessionId, scope));
    if (ended && scope === 'user')
      ctx.publish({
        type: 'logout',
        strategy: 'session',
        userId: ended.userId,
        username: ended.username,
        durationMs: ctx.timer.durationOf('revoke'),
      });
  }
  return { ok: true, clear: clearCookie(SESSION_COOKIE[scope]) };
}

/** A session logout on the event log, timed by the request's `revoke` phase. */
function recordLogout(ctx: RequestContext, auth: AuthenticatedSession, detail: Record<string, string | number | boolean>): void {
  ctx.publish({
    type: 'logout',
    strategy: 'session',
    userId: auth.user.id,
    username: auth.user.username,
    durationMs: ctx.timer.durationOf('revoke'),
    detail,
  });
}

/** "Log out everywhere": every session of this user ends in one store operation. */
export async function endAllSessions(ctx: RequestContext, auth: AuthenticatedSession): Promise<{ ok: true; sessionsRevoked: number }> {
  const sessionsRevoked = await ctx.timer.measure('revoke', () => revokeUserSessions(ctx.store, auth.user.id));
  recordLogout(ctx, auth, { everywhere: true, sessionsRevoked });
  return { ok: true, sessionsRevoked };
}

/** Ends one of the caller's own sessions by its public handle; says whether it was the current one. */
export async function endOwnSession(
  ctx: RequestContext,
  auth: AuthenticatedSession,
  handle: string,
): Promise<{ ok: true; wasCurrent: boolean } | Failure> {
  const revoked = await ctx.timer.measure('revoke', () => revokeOwnSession(ctx.store, auth.user.id, handle));
  if (!revoked.ok) {
    return revoked.code === 'malformed_handle'
      ? fail('bad_request', 'A session handle is 64 hexadecimal characters.')
      : fail('not_found', 'No such session among yours.');
  }
  recordLogout(ctx, auth, { session: handle.slice(0, 12) });
  return { ok: true, wasCurrent: handle === auth.session.id };
}
