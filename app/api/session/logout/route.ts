import { NextResponse, type NextRequest } from 'next/server';
import { endSession } from '@/lib/session/session';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';
import { clearSessionCookie, unsealRequestSessionId } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * Deletes the session record (so a copy of the cookie is worthless from now on) and clears the
 * cookie. Idempotent: without a valid cookie it still answers 204 and clears it.
 */
export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const sessionId = await unsealRequestSessionId(request, ctx);
  if (sessionId !== null) {
    const ended = await ctx.timer.measure('revoke', () => endSession(ctx.store, sessionId));
    if (ended) publishEvent({ type: 'logout', strategy: 'session', userId: ended.userId, username: ended.username, durationMs: ctx.timer.durationOf('revoke') });
  }
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  clearSessionCookie(response, ctx);
  return ctx.finish(response);
});
