import { NextResponse, type NextRequest } from 'next/server';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { authenticatePassword } from '@/lib/server/password-login';
import { handleRoute } from '@/lib/server/route';
import { startSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const auth = await authenticatePassword(request, ctx);
  if (!auth.ok) return ctx.finish(auth.response);
  const { session, setCookie } = await startSession(request, ctx, auth.user);
  const response = NextResponse.json(
    { user: auth.user, session: { createdAt: session.createdAt, expiresAt: session.expiresAt, absoluteExpiresAt: session.absoluteExpiresAt } },
    { headers: { 'Cache-Control': 'no-store' } },
  );
  setCookie(response);
  publishEvent({ type: 'login', strategy: 'session', userId: auth.user.id, username: auth.user.username, durationMs: ctx.timer.durationOf('store') });
  return ctx.finish(response);
});
