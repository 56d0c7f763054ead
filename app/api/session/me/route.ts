import { NextResponse, type NextRequest } from 'next/server';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { handleRoute } from '@/lib/server/route';
import { authenticateSession, sessionFailureResponse } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Who am I? One unseal and one store lookup, both in Server-Timing; X-Store-Lookups says 1. */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const auth = await authenticateSession(request, ctx);
  if (!auth.ok) return ctx.finish(sessionFailureResponse(auth, ctx));
  return ctx.finish(NextResponse.json({ user: auth.user, session: auth.session }, { headers: { 'Cache-Control': 'no-store' } }));
});
