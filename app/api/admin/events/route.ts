import type { NextRequest } from 'next/server';
import { requireAdmin } from '@/lib/server/admin';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { eventStreamResponse } from '@/lib/server/event-stream';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Every event of every instance, for the admin. It lives under /api/admin because the admin
 * cookie is scoped to that path and would not reach /api/events.
 */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const admin = await requireAdmin(request, ctx);
  if (!admin.ok) return admin.response;
  return eventStreamResponse({ kind: 'admin' }, request.signal);
});
