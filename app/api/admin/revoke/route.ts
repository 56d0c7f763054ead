import { adminRoute } from '@/lib/server/admin/authenticate';
import { revokeUser, type RevocationTarget } from '@/lib/server/admin/revoke';
import { readJson } from '@/lib/server/http/body';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

function parseTarget(body: unknown): RevocationTarget | null {
  const { username, userId } = (typeof body === 'object' && body !== null ? body : {}) as { username?: unknown; userId?: unknown };
  if (typeof userId === 'string' && username === undefined) return USER_ID_PATTERN.test(userId) ? { userId } : null;
  if (typeof username === 'string' && userId === undefined && username.trim() !== '' && username.length <= 64) return { username };
  return null;
}

/**
 * "Log this user out everywhere, now". Sessions stop at their next request; access tokens keep
 * working until they expire unless the denylist is on: the point the dashboard makes. A user no
 * longer configured is revoked too (by username or id): the answer says what was revoked.
 */
export const POST = adminRoute(async (ctx, admin) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const target = parseTarget(body.value);
  if (target === null) return fail('bad_request', 'Expected a JSON object: { "username": string } or { "userId": string }.');
  const { userId, configured, revokedAt, sessionsRevoked, refreshFamiliesRevoked } = await revokeUser(ctx, admin, target);
  return ok({ userId, configured, revokedAt, sessionsRevoked, refreshFamiliesRevoked });
});
