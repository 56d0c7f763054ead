import 'server-only';
import { createSession, endSession, type SessionScope, type SessionView } from '@/lib/session/session';
import { sealSessionId } from '@/lib/session/session-cookie';
import type { User } from '@/lib/users/users';
import type { RequestContext } from '../http/context';
import { checkPasswordLogin } from '../password-login';
import { fail, type CookieChange, type Failure } from '../http/reply';
import { SESSION_COOKIE, sessionPolicyOf, unsealRequestSessionId } from './authenticate';

export interface StartedSession {
  ok: true;
  user: User;
  session: SessionView;
  cookie: CookieChange;
}

/**
 * A login: ends whatever session of this scope the browser had (the old record goes, the id is
 * always new: no fixation), creates the new one and seals its cookie.
 */
async function startSession(ctx: RequestContext, user: User, scope: SessionScope): Promise<StartedSession> {
  const previousSessionId = await unsealRequestSessionId(ctx, scope);
  if (previousSessionId !== null) await endSession(ctx.store, previousSessionId, scope);
  const created = await ctx.timer.measure('store', () =>
    createSession(ctx.store, user, {
      now: ctx.now,
      policy: sessionPolicyOf(ctx.config),
      scope,
      userAgent: ctx.request.headers.get('user-agent'),
    }),
  );
  const lifetimeSeconds = ctx.config.sessionAbsoluteTimeoutSeconds;
  const sealed = await ctx.timer.measure('seal', () => sealSessionId(created.sessionId, ctx.config.sessionPasswords, lifetimeSeconds));
  return { ok: true, user, session: created.session, cookie: { purpose: SESSION_COOKIE[scope], value: sealed, lifetimeSeconds } };
}

/**
 * A password login into a session of `scope`. The admin scope only admits administrators; its
 * cookie is scoped to /api/admin. The password check (throttling, bounded hashing, the same cost
 * and answer for an unknown user and a wrong password) is `checkPasswordLogin`.
 */
export async function logInWithPassword(
  ctx: RequestContext,
  credentials: { username: string; password: string },
  scope: SessionScope,
): Promise<StartedSession | Failure> {
  const checked = await checkPasswordLogin(ctx, credentials, scope === 'admin' ? 'admin' : 'session');
  if (!checked.ok) return checked;
  if (scope === 'admin' && checked.user.role !== 'admin') return fail('forbidden', `${checked.user.username} is not an administrator.`);
  const started = await startSession(ctx, checked.user, scope);
  ctx.publish({
    type: 'login',
    strategy: scope === 'admin' ? 'admin' : 'session',
    userId: checked.user.id,
    username: checked.user.username,
    durationMs: ctx.timer.durationOf('store'),
  });
  return started;
}
