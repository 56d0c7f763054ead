import { NextResponse, type NextRequest } from 'next/server';
import { revokeUserSessions } from '@/lib/session/session';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';
import { authenticateSession, clearSessionCookie, sessionFailureResponse } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** "Log out everywhere": every session of this user ends in one store operation. */
export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const auth = await authenticateSession(request, ctx);
  if (!auth.ok) return ctx.finish(sessionFailureResponse(auth, ctx));
  const sessionsRevoked = await ctx.timer.measure('revoke', () => revokeUserSessions(ctx.store, auth.user.id));
  publishEvent({ type: 'logout', strategy: 'session', userId: auth.user.id, username: auth.user.username, durationMs: ctx.timer.durationOf('revoke'), detail: { everywhere: true, sessionsRevoked } });
  const response = NextResponse.json({ sessionsRevoked }, { headers: { 'Cache-Control': 'no-store' } });
  clearSessionCookie(response, ctx);
  return ctx.finish(response);
});
