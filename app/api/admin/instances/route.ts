import { adminRoute } from '@/lib/server/admin/authenticate';
import { describeInstances } from '@/lib/server/admin/instances';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Every live instance, the settings version it serves and when it adopted it (each on its own clock). */
export const GET = adminRoute(async (ctx) => ok(await describeInstances(ctx)));
