import { eventStreamResponse } from '@/lib/events/event-stream';
import { fail } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { authenticateJwtRequest } from '@/lib/server/jwt/authenticate';
import { authenticateSession } from '@/lib/server/session/authenticate';

export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events about the caller's own credentials (and global changes such as settings).
 * The caller is identified by either strategy's credential; the admin's stream is
 * /api/admin/events, where the admin cookie is sent.
 */
export const GET = route(async (ctx) => {
  const session = await authenticateSession(ctx);
  const userId = session.ok
    ? session.user.id
    : await authenticateJwtRequest(ctx).then((access) => (access.ok ? access.verified.user.id : null));
  if (userId === null) return fail('unauthenticated', 'Sign in with a session cookie or an access token to receive your events.');
  return eventStreamResponse(ctx.app.events.subscribe({ kind: 'user', userId }), ctx.request.signal);
});
