import { NextResponse, type NextRequest } from 'next/server';
import { createSession, endSession } from '@/lib/session/session';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';
import { sealSessionCookie, sessionPolicy, setSessionCookie, unsealRequestSessionId } from '@/lib/server/session';
import { authenticatePassword } from '@/lib/server/password-login';

export const dynamic = 'force-dynamic';

export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const auth = await authenticatePassword(request, ctx);
  if (!auth.ok) return ctx.finish(auth.response);

  // A login replaces whatever session this browser had: the old record goes, the id is new.
  const previousSessionId = await unsealRequestSessionId(request, ctx);
  if (previousSessionId !== null) await endSession(ctx.store, previousSessionId);

  const created = await ctx.timer.measure('store', () =>
    createSession(ctx.store, auth.user, { now: Date.now(), policy: sessionPolicy(ctx.config), userAgent: request.headers.get('user-agent') }),
  );
  const sealed = await sealSessionCookie(created.sessionId, ctx);
  const response = NextResponse.json(
    { user: auth.user, session: { createdAt: created.session.createdAt, expiresAt: created.session.expiresAt, absoluteExpiresAt: created.session.absoluteExpiresAt } },
    { headers: { 'Cache-Control': 'no-store' } },
  );
  setSessionCookie(response, ctx, sealed);
  publishEvent({ type: 'login', strategy: 'session', userId: auth.user.id, username: auth.user.username, durationMs: ctx.timer.durationOf('store') });
  return ctx.finish(response);
});
