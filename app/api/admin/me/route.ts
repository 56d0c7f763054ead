import { NextResponse, type NextRequest } from 'next/server';
import { requireAdmin } from '@/lib/server/admin';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Lets the admin page (which cannot see the path-scoped cookie) ask whether it is signed in. */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const admin = await requireAdmin(request, ctx);
  if (!admin.ok) return admin.response;
  return ctx.finish(NextResponse.json({ user: admin.user, session: admin.session }, { headers: { 'Cache-Control': 'no-store' } }));
});
