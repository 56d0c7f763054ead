import { NextResponse, type NextRequest } from 'next/server';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { handleRoute } from '@/lib/server/route';
import { readSessionCookie } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * Whether this browser holds an admin cookie at all, without checking it (no unseal, no store
 * access): 200 `{ present }` either way. The pages cannot see the cookie (it is path-scoped to
 * /api/admin), and asking /api/admin/me blind would answer every signed-out visitor with a 401,
 * which the browser logs as an error. The pages ask this first, then /api/admin/me only when
 * there is something to check.
 */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const present = Boolean(readSessionCookie(request, ctx, 'admin'));
  return ctx.finish(NextResponse.json({ present }, { headers: { 'Cache-Control': 'no-store' } }));
});
