import { NextResponse, type NextRequest } from 'next/server';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';
import { cookieSizeBytes } from '@/lib/dashboard/credential-view';
import { authenticateSession, readSessionCookie, sessionCookieName, sessionFailureResponse } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Who am I? One unseal and one store lookup, both in Server-Timing; X-Store-Lookups says 1. */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const auth = await authenticateSession(request, ctx);
  if (!auth.ok) {
    publishEvent({ type: 'rejection', strategy: 'session', code: auth.code, durationMs: ctx.timer.durationOf('lookup') ?? ctx.timer.durationOf('unseal') });
    return ctx.finish(sessionFailureResponse(auth, ctx));
  }
  publishEvent({ type: 'lookup', strategy: 'session', userId: auth.user.id, username: auth.user.username, durationMs: ctx.timer.durationOf('lookup') });
  const credentialBytes = cookieSizeBytes(sessionCookieName('user', ctx.secure), readSessionCookie(request, ctx) ?? '');
  return ctx.finish(NextResponse.json({ user: auth.user, session: auth.session }, { headers: { 'Cache-Control': 'no-store', 'X-Credential-Bytes': String(credentialBytes) } }));
});
