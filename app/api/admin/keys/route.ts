import { adminRoute } from '@/lib/server/admin/authenticate';
import { listKeys } from '@/lib/server/admin/keys';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** The signing keys' public facts: kid, algorithm, created, current / previous / retired. Never private parts. */
export const GET = adminRoute(async (ctx) => ok({ keys: await listKeys(ctx) }));
