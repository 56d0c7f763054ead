import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { isUsersSession, revokeSession } from '@/lib/session/session';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';
import { authenticateSession, clearSessionCookie, sessionFailureResponse } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Revokes one of the caller's own sessions, named by its public handle (the id's hash). */
export const DELETE = handleRoute(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const { id } = await context.params;
  if (!/^[0-9a-f]{64}$/.test(id)) return errorResponse('bad_request', 'A session handle is 64 hexadecimal characters.');
  const ctx = beginAuthRequest(request);
  const auth = await authenticateSession(request, ctx);
  if (!auth.ok) return ctx.finish(sessionFailureResponse(auth, ctx));
  // Someone else's handle gets the same 404 as a handle that does not exist.
  if (!(await isUsersSession(ctx.store, auth.user.id, id))) return ctx.finish(errorResponse('not_found', 'No such session among yours.'));
  await ctx.timer.measure('revoke', () => revokeSession(ctx.store, auth.user.id, id));
  publishEvent({ type: 'logout', strategy: 'session', userId: auth.user.id, username: auth.user.username, durationMs: ctx.timer.durationOf('revoke'), detail: { session: id.slice(0, 12) } });
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  if (id === auth.session.id) clearSessionCookie(response, ctx);
  return ctx.finish(response);
});
