import { clearCookie, noContent } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { authenticateSession } from '@/lib/server/session/authenticate';
import { endOwnSession } from '@/lib/server/session/logout';

export const dynamic = 'force-dynamic';

/** Revokes one of the caller's own sessions, named by its public handle (the id's hash). */
export const DELETE = route<{ id: string }>(async (ctx, { id }) => {
  const auth = await authenticateSession(ctx);
  if (!auth.ok) return auth;
  const ended = await endOwnSession(ctx, auth, id);
  if (!ended.ok) return ended;
  return noContent(ended.wasCurrent ? { cookies: [clearCookie('session')] } : {});
});
