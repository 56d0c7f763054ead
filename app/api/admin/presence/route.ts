import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Whether this browser holds an admin cookie at all, without checking it (no unseal, no store
 * access): 200 `{ present }` either way. The pages cannot see the cookie (it is path-scoped to
 * /api/admin), and asking /api/admin/me blind would answer every signed-out visitor with a 401,
 * which the browser logs as an error. The pages ask this first, then /api/admin/me only when
 * there is something to check.
 */
export const GET = route(async (ctx) => ok({ present: ctx.cookie('adminSession') !== null }));
