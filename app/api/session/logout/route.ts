import { NextResponse, type NextRequest } from 'next/server';
import { sessionKey } from '@/lib/session/session';
import { hashSessionId } from '@/lib/session/session-id';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
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
    // The index entry is left to be pruned: deleting the record is what ends the session.
    await ctx.timer.measure('revoke', () => ctx.store.delete(sessionKey('user', hashSessionId(sessionId))));
  }
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  clearSessionCookie(response, ctx);
  return ctx.finish(response);
});
