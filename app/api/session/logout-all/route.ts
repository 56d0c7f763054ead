import { clearCookie, ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { authenticateSession } from '@/lib/server/session/authenticate';
import { endAllSessions } from '@/lib/server/session/logout';

export const dynamic = 'force-dynamic';

/** "Log out everywhere": every session of this user ends in one store operation. */
export const POST = route(async (ctx) => {
  const auth = await authenticateSession(ctx);
  if (!auth.ok) return auth;
  const { sessionsRevoked } = await endAllSessions(ctx, auth);
  return ok({ sessionsRevoked }, { cookies: [clearCookie('session')] });
});
