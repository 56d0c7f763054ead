import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { authenticateJwtRequest } from '@/lib/server/jwt/authenticate';
import { describeAccessCredential } from '@/lib/server/jwt/inspect';

export const dynamic = 'force-dynamic';

/** For the dashboard: the access token decoded, its signature cut short. */
export const GET = route(async (ctx) => {
  const auth = await authenticateJwtRequest(ctx);
  if (!auth.ok) return auth;
  return ok(describeAccessCredential(ctx, auth));
});
