import 'server-only';
import { revokeUserEverywhere, type UserRevocation } from '@/lib/revocation/revoke-user-everywhere';
import type { User } from '@/lib/users/users';
import type { RequestContext } from '../http/context';
import { fail, type Failure } from '../http/reply';

/**
 * The admin's "log this user out everywhere, now" (see revokeUserEverywhere), timed and recorded:
 * the dashboard's revocation race starts at `revokedAt`.
 */
export async function revokeUserByName(
  ctx: RequestContext,
  admin: User,
  username: string,
): Promise<({ ok: true } & UserRevocation) | Failure> {
  const user = await ctx.app.users.findByUsername(username);
  if (!user) return fail('not_found', `There is no user called "${username.slice(0, 64)}".`);
  const revocation = await ctx.timer.measure('revoke', () => revokeUserEverywhere(ctx.store, user.id, ctx.now));
  ctx.publish({
    type: 'revoke',
    strategy: 'admin',
    at: revocation.revokedAt,
    userId: user.id,
    username: user.username,
    durationMs: ctx.timer.durationOf('revoke'),
    detail: { by: admin.username, sessionsRevoked: revocation.sessionsRevoked, refreshFamiliesRevoked: revocation.refreshFamiliesRevoked },
  });
  return { ok: true, ...revocation };
}
