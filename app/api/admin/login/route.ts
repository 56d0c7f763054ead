import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { authenticatePassword } from '@/lib/server/password-login';
import { handleRoute } from '@/lib/server/route';
import { startSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Starts an admin session: the session strategy, its own namespace, a cookie scoped to /api/admin. */
export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const auth = await authenticatePassword(request, ctx);
  if (!auth.ok) return ctx.finish(auth.response);
  if (auth.user.role !== 'admin') return ctx.finish(errorResponse('forbidden', `${auth.user.username} is not an administrator.`));
  const { session, setCookie } = await startSession(request, ctx, auth.user, 'admin');
  const response = NextResponse.json({ user: auth.user, session }, { headers: { 'Cache-Control': 'no-store' } });
  setCookie(response);
  publishEvent({ type: 'login', strategy: 'admin', userId: auth.user.id, username: auth.user.username, durationMs: ctx.timer.durationOf('store') });
  return ctx.finish(response);
});
