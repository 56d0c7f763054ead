import 'server-only';
import type { SessionView } from '@/lib/session/session';
import type { User } from '@/lib/users/users';
import type { RequestContext } from '../http/context';
import { fail, type Failure, type Reply } from '../http/reply';
import { route } from '../http/route';
import { authenticateSession } from '../session/authenticate';

/**
 * Every /api/admin route checks this itself (a check in the proxy alone is bypassable, as
 * CVE-2025-29927 showed). Only the admin-scoped session counts: its cookie is path-scoped to
 * /api/admin, so it never travels with ordinary requests. Someone signed in with an ordinary
 * session (its cookie is Path=/, so it does arrive here) gets 403; nobody signed in gets 401.
 */
export async function requireAdmin(ctx: RequestContext): Promise<{ ok: true; user: User; session: SessionView } | Failure> {
  const admin = await authenticateSession(ctx, 'admin');
  if (admin.ok && admin.user.role === 'admin') return { ok: true, user: admin.user, session: admin.session };
  const ordinary = await authenticateSession(ctx, 'user');
  if (ordinary.ok && ordinary.user.role !== 'admin')
    return fail('forbidden', 'This needs an administrator; you are signed in as a regular user.');
  return fail('unauthenticated', 'Administrator login required: POST /api/admin/login.');
}

/** An admin route: the route wrapper, then the admin session, then the handler. */
export function adminRoute<Params = Record<string, never>>(
  handler: (ctx: RequestContext, admin: User, params: Params) => Promise<Reply | Response>,
) {
  return route<Params>(async (ctx, params) => {
    const admin = await requireAdmin(ctx);
    return admin.ok ? handler(ctx, admin.user, params) : admin;
  });
}
