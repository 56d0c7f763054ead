import { adminRoute } from '@/lib/server/admin/authenticate';
import { openAdminEventStream } from '@/lib/server/events/streams';

export const dynamic = 'force-dynamic';

/**
 * Every event of every instance, for the admin, while the admin session lasts. It lives under
 * /api/admin because the admin cookie is scoped to that path and would not reach /api/events.
 */
export const GET = adminRoute(async (ctx, admin) => openAdminEventStream(ctx, admin));
