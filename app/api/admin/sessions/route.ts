import { adminRoute } from '@/lib/server/admin/authenticate';
import { readSignedInUsers } from '@/lib/server/admin/signed-in-users';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * Who is signed in with a session right now, and with how many sessions each: the list an
 * internal admin dashboard shows before "log everyone out now" (which is /api/admin/revoke, per
 * user). Admin-console sessions are not listed: they are the admins' own tool.
 */
export const GET = adminRoute(async (ctx) => ok({ users: await readSignedInUsers(ctx) }));
