import 'server-only';
import type { EventViewer } from '@/lib/events/events';
import { eventStreamResponse } from '@/lib/events/event-stream';
import { EVENT_STREAM_RECHECK_SECONDS, MAX_EVENT_STREAMS_PER_USER } from '@/lib/policy';
import type { User } from '@/lib/users/users';
import { beginRequest, type RequestContext } from '../http/context';
import { fail, type Failure } from '../http/reply';
import { authenticateJwtRequest } from '../jwt/authenticate';
import { authenticateSession } from '../session/authenticate';

/** Checks the stream's credential again in a fresh context (its own `now`): null while it holds, else why it ended. */
type Recheck = (ctx: RequestContext) => Promise<string | null>;

/**
 * Opens a stream for `viewer` that lives only as long as its credential: capped per owner on this
 * instance (each open stream holds a connection and a subscriber), re-checked every
 * EVENT_STREAM_RECHECK_SECONDS and at `expiresAt`. The cap is per instance, not cluster-wide: a
 * cluster-wide count would need a store write per connect and a reliable release on disconnect.
 */
function openStream(
  ctx: RequestContext,
  viewer: EventViewer,
  owner: string,
  recheck: Recheck,
  expiresAt: number | null,
): Response | Failure {
  const { events } = ctx.app;
  if (events.subscriberCount(owner) >= MAX_EVENT_STREAMS_PER_USER) {
    return fail('rate_limited', `At most ${MAX_EVENT_STREAMS_PER_USER} event streams may be open at once; close one first.`, {
      headers: { 'Retry-After': String(EVENT_STREAM_RECHECK_SECONDS) },
    });
  }
  return eventStreamResponse(events.subscribe(viewer, owner), ctx.request.signal, {
    recheck: () => recheck(beginRequest(ctx.request, ctx.app)),
    intervalMs: EVENT_STREAM_RECHECK_SECONDS * 1000,
    expiresAt,
    now: ctx.app.now,
  });
}

/**
 * The caller's own events, by whichever credential it holds (session first). The stream is
 * re-checked with that same credential: a session stream ends when the session does (revoked,
 * logged out, timed out; checking does not slide the idle window), a token stream at the token's
 * exp or when the denylist refuses it.
 */
export async function openUserEventStream(ctx: RequestContext): Promise<Response | Failure> {
  const session = await authenticateSession(ctx);
  if (session.ok) {
    const viewer: EventViewer = { kind: 'user', userId: session.user.id };
    return openStream(
      ctx,
      viewer,
      `user:${session.user.id}`,
      async (now) => {
        const again = await authenticateSession(now, 'user', { slide: false });
        return again.ok ? null : again.code;
      },
      null,
    );
  }
  const access = await authenticateJwtRequest(ctx);
  if (!access.ok) return fail('unauthenticated', 'Sign in with a session cookie or an access token to receive your events.');
  const { user, claims } = access.verified;
  return openStream(
    ctx,
    { kind: 'user', userId: user.id },
    `user:${user.id}`,
    async (now) => {
      const again = await authenticateJwtRequest(now);
      return again.ok ? null : again.code;
    },
    claims.exp * 1000,
  );
}

/** Every event, for an admin whose admin session is checked again while the stream is open (logout ends it). */
export function openAdminEventStream(ctx: RequestContext, admin: User): Response | Failure {
  return openStream(
    ctx,
    { kind: 'admin' },
    `admin:${admin.id}`,
    async (now) => {
      const again = await authenticateSession(now, 'admin', { slide: false });
      if (!again.ok) return again.code;
      return again.user.role === 'admin' ? null : 'forbidden';
    },
    null,
  );
}
