import { NextResponse, type NextRequest } from 'next/server';
import { endSession } from '@/lib/session/session';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { handleRoute } from '@/lib/server/route';
import { clearSessionCookie, unsealRequestSessionId } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const sessionId = await unsealRequestSessionId(request, ctx, 'admin');
  if (sessionId !== null) await endSession(ctx.store, sessionId, 'admin');
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  clearSessionCookie(response, ctx, 'admin');
  return ctx.finish(response);
});
