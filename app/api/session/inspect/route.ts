import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { authenticateSession } from '@/lib/server/session/authenticate';
import { describeSessionCredential } from '@/lib/server/session/inspect';

export const dynamic = 'force-dynamic';

/** For the dashboard: the session cookie, redacted, and the record it points to. */
export const GET = route(async (ctx) => {
  const auth = await authenticateSession(ctx);
  if (!auth.ok) return auth;
  return ok(describeSessionCredential(ctx, auth));
});
