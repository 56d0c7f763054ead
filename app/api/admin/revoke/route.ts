import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { markUserRevoked } from '@/lib/jwt/denylist';
import { revokeUserRefreshFamilies } from '@/lib/jwt/refresh-token';
import { revokeUserSessions } from '@/lib/session/session';
import { normalizeUsername } from '@/lib/users/users';
import { beginAdminRequest, readAdminBody } from '@/lib/server/admin';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';
import { getUsers } from '@/lib/server/users';

export const dynamic = 'force-dynamic';

/**
 * "Log this user out everywhere, now": every session (both namespaces) and every refresh-token
 * family of the user, plus a "revoked before" mark that the denylist enforces against access
 * tokens issued earlier. Sessions stop at the next request; access tokens keep working until they
 * expire unless the denylist is on: the point the dashboard makes.
 */
export const POST = handleRoute(async (request: NextRequest) => {
  const start = await beginAdminRequest(request, { changesState: true });
  if (!start.ok) return start.response;
  const { ctx, admin } = start;
  const body = await readAdminBody(request, ctx);
  if (!body.ok) return body.response;
  const username = (body.value as { username?: unknown } | null)?.username;
  if (typeof username !== 'string' || username.trim() === '' || username.length > 64) {
    return ctx.finish(errorResponse('bad_request', 'Expected a JSON object: { "username": string }.'));
  }
  const user = (await getUsers()).find((candidate) => candidate.username === normalizeUsername(username));
  if (!user) return ctx.finish(errorResponse('not_found', `There is no user called "${username.slice(0, 64)}".`));

  const revokedAt = Date.now();
  const [sessionsRevoked, adminSessionsRevoked, refreshFamiliesRevoked] = await ctx.timer.measure('revoke', () =>
    Promise.all([
      revokeUserSessions(ctx.store, user.id, 'user'),
      revokeUserSessions(ctx.store, user.id, 'admin'),
      revokeUserRefreshFamilies(ctx.store, user.id, revokedAt),
      markUserRevoked(ctx.store, user.id, revokedAt),
    ]),
  );
  publishEvent({
    type: 'revoke',
    strategy: 'admin',
    at: revokedAt,
    userId: user.id,
    username: user.username,
    durationMs: ctx.timer.durationOf('revoke'),
    detail: { by: admin.username, sessionsRevoked: sessionsRevoked + adminSessionsRevoked, refreshFamiliesRevoked },
  });
  return ctx.finish(
    NextResponse.json({ revokedAt, sessionsRevoked: sessionsRevoked + adminSessionsRevoked, refreshFamiliesRevoked }, { headers: { 'Cache-Control': 'no-store' } }),
  );
});
