import { adminRoute } from '@/lib/server/admin/authenticate';
import { revokeUserByName } from '@/lib/server/admin/revoke';
import { readJson } from '@/lib/server/http/body';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * "Log this user out everywhere, now". Sessions stop at their next request; access tokens keep
 * working until they expire unless the denylist is on: the point the dashboard makes.
 */
export const POST = adminRoute(async (ctx, admin) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const username = (body.value as { username?: unknown } | null)?.username;
  if (typeof username !== 'string' || username.trim() === '' || username.length > 64)
    return fail('bad_request', 'Expected a JSON object: { "username": string }.');
  const revoked = await revokeUserByName(ctx, admin, username);
  if (!revoked.ok) return revoked;
  const { revokedAt, sessionsRevoked, refreshFamiliesRevoked } = revoked;
  return ok({ revokedAt, sessionsRevoked, refreshFamiliesRevoked });
});
