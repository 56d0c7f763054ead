import type { NextRequest } from 'next/server';
import { beginAdminRequest } from '@/lib/server/admin';
import { eventStreamResponse } from '@/lib/server/event-stream';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Every event of every instance, for the admin. It lives under /api/admin because the admin
 * cookie is scoped to that path and would not reach /api/events.
 */
export const GET = handleRoute(async (request: NextRequest) => {
  const start = await beginAdminRequest(request, { changesState: false });
  if (!start.ok) return start.response;
  return eventStreamResponse({ kind: 'admin' }, request.signal);
});
