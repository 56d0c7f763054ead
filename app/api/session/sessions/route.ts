import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { authenticateSession } from '@/lib/server/session/authenticate';
import { listOwnSessions } from '@/lib/server/session/inspect';

export const dynamic = 'force-dynamic';

/** The user's active sessions, one per browser or device, with the current one marked. */
export const GET = route(async (ctx) => {
  const auth = await authenticateSession(ctx);
  if (!auth.ok) return auth;
  return ok({ sessions: await listOwnSessions(ctx, auth) });
});
