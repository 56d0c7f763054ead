import { NextResponse, type NextRequest } from 'next/server';
import { listUserSessions } from '@/lib/session/session';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { handleRoute } from '@/lib/server/route';
import { authenticateSession, sessionPolicy, sessionFailureResponse } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** The user's active sessions, one per browser or device, with the current one marked. */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const auth = await authenticateSession(request, ctx);
  if (!auth.ok) return ctx.finish(sessionFailureResponse(auth, ctx));
  const sessions = await ctx.timer.measure('list', () => listUserSessions(ctx.store, auth.user.id, { now: Date.now(), policy: sessionPolicy(ctx.config) }));
  return ctx.finish(
    NextResponse.json(
      { sessions: sessions.map((session) => ({ ...session, current: session.id === auth.session.id })) },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  );
});
