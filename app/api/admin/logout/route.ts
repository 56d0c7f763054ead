import { noContent } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { endCurrentSession } from '@/lib/server/session/logout';

export const dynamic = 'force-dynamic';

/** Ends the admin session and clears its cookie; idempotent. */
export const POST = route(async (ctx) => {
  const ended = await endCurrentSession(ctx, 'admin');
  return noContent({ cookies: [ended.clear] });
});
