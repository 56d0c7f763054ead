import { NextResponse, type NextRequest } from 'next/server';
import { describeCookie, redactSeal } from '@/lib/dashboard/credential-view';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { handleRoute } from '@/lib/server/route';
import { authenticateSession, readSessionCookie, sessionCookieName, sessionFailureResponse } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * For the dashboard: the session cookie as the browser holds it (redacted: page scripts must not
 * get a replayable value) and the server-side record it points to.
 */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const auth = await authenticateSession(request, ctx);
  if (!auth.ok) return ctx.finish(sessionFailureResponse(auth, ctx));
  const name = sessionCookieName('user', ctx.secure);
  const value = readSessionCookie(request, ctx) ?? '';
  const maxAgeSeconds = ctx.config.sessionAbsoluteTimeoutSeconds - 60;
  return ctx.finish(
    NextResponse.json(
      {
        cookie: describeCookie(name, value, redactSeal(value), { httpOnly: true, secure: ctx.secure, sameSite: 'Lax', path: '/', maxAgeSeconds, expiresAt: auth.session.createdAt + maxAgeSeconds * 1000 }),
        contains: 'an encrypted, signed session id and nothing else',
        record: { storeKey: `session:${auth.session.id.slice(0, 12)}…`, user: auth.user, ...auth.session },
      },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  );
});
