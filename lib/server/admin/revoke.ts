import 'server-only';
import { revokeUserEverywhere, type UserRevocation } from '@/lib/revocation/revoke-user-everywhere';
import { normalizeUsername, type User } from '@/lib/users/users';
import type { RequestContext } from '../http/context';

/** Whom to revoke: a configured username, or a user id (which also reaches users no longer configured). */
export type RevocationTarget = { username: string } | { userId: string };

/**
 * The id whose credentials to revoke. A configured username resolves through the directory. A
 * username that is no longer configured resolves by the default id rule of DEMO_USERS
 * (`usr_{username}`): credentials outlive the configuration, so "not configured" must not mean
 * "nothing to revoke". A user configured with a custom id is reached by `userId`.
 */
async function resolveTargetId(ctx: RequestContext, target: RevocationTarget): Promise<{ userId: string; username: string | null }> {
  if ('userId' in target) return { userId: target.userId, username: ctx.app.users.findById(target.userId)?.username ?? null };
  const configured = await ctx.app.users.findByUsername(target.username);
  const username = normalizeUsername(target.username);
  return configured ? { userId: configured.id, username: configured.username } : { userId: `usr_${username}`, username };
}

/**
 * The admin's "log this user out everywhere, now" (see revokeUserEverywhere), timed and recorded:
 * the dashboard's revocation race starts at `revokedAt`. Always answers what was revoked (possibly
 * nothing), never "no such user": revoking is idempotent and a removed user's credentials must
 * still be reachable.
 */
export async function revokeUser(
  ctx: RequestContext,
  admin: User,
  target: RevocationTarget,
): Promise<{ ok: true; userId: string; configured: boolean } & UserRevocation> {
  const { userId, username } = await resolveTargetId(ctx, target);
  const revocation = await ctx.timer.measure('revoke', () => revokeUserEverywhere(ctx.store, userId, ctx.now));
  ctx.publish({
    type: 'revoke',
    strategy: 'admin',
    at: revocation.revokedAt,
    userId,
    username,
    durationMs: ctx.timer.durationOf('revoke'),
    detail: { by: admin.username, sessionsRevoked: revocation.sessionsRevoked, refreshFamiliesRevoked: revocation.refreshFamiliesRevoked },
  });
  return { ok: true, userId, configured: ctx.app.users.findById(userId) !== null, ...revocation };
}
