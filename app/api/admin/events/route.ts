import { eventStreamResponse } from '@/lib/events/event-stream';
import { adminRoute } from '@/lib/server/admin/authenticate';

export const dynamic = 'force-dynamic';

/**
 * Every event of every instance, for the admin. It lives under /api/admin because the admin
 * cookie is scoped to that path and would not reach /api/events.
 */
export const GET = adminRoute(async (ctx) => eventStreamResponse(ctx.app.events.subscribe({ kind: 'admin' }), ctx.request.signal));
