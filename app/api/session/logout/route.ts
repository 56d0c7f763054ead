import { noContent } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { endCurrentSession } from '@/lib/server/session/logout';

export const dynamic = 'force-dynamic';

/**
 * Deletes the session record (so a copy of the cookie is worthless from now on) and clears the
 * cookie. Idempotent: without a valid cookie it still answers 204 and clears it.
 */
export const POST = route(async (ctx) => {
  const ended = await endCurrentSession(ctx, 'user');
  return noContent({ cookies: [ended.clear] });
});
