import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { requireAdmin } from '@/lib/server/admin/authenticate';

export const dynamic = 'force-dynamic';

/** Lets the admin page (which cannot see the path-scoped cookie) ask whether it is signed in. */
export const GET = route(async (ctx) => {
  const admin = await requireAdmin(ctx);
  return admin.ok ? ok({ user: admin.user, session: admin.session }) : admin;
});
