import 'server-only';
import { listSignedInUsers, type SignedInUser } from '@/lib/scenarios/signed-in-users';
import type { RequestContext } from '../http/context';
import { sessionPolicyOf } from '../session/authenticate';

/** Every configured user with a live ordinary session, read from this deployment's store. */
export function readSignedInUsers(ctx: RequestContext): Promise<SignedInUser[]> {
  const users = ctx.config.demoUsers.map(({ id, username, role }) => ({ id, username, role }));
  return ctx.timer.measure('list', () => listSignedInUsers(ctx.store, users, { now: ctx.now, policy: sessionPolicyOf(ctx.config) }));
}
