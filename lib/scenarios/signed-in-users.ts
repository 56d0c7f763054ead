/**
 * Who is signed in right now, by session: the admin dashboard scenario's list. Pure domain code
 * over the store's per-user session index (the same index "log out everywhere" deletes).
 */
import { listUserSessions, type SessionPolicy, type SessionView } from '@/lib/session/session';
import type { Store } from '@/lib/store/store';
import type { User } from '@/lib/users/users';

export interface SignedInUser {
  user: User;
  /** Live ordinary (not admin-console) sessions, newest first. */
  sessions: SessionView[];
}

/**
 * Every configured user with at least one live session, in directory order. One index read plus
 * one record read per session: fine for a workshop's handful of users, not for a directory of
 * thousands (a real admin tool would page through an index of signed-in users instead).
 */
export async function listSignedInUsers(
  store: Store,
  users: readonly User[],
  options: { now: number; policy?: SessionPolicy },
): Promise<SignedInUser[]> {
  const listed = await Promise.all(
    users.map(async (user) => ({ user, sessions: await listUserSessions(store, user.id, { ...options, scope: 'user' }) })),
  );
  return listed.filter((entry) => entry.sessions.length > 0);
}

/**
 * Whom "log everyone out now" revokes: every signed-in user except the administrator pressing the
 * button (revoking them would end the admin console's own session mid-action).
 */
export function usersToLogOut(signedIn: readonly SignedInUser[], actingAdminId: string): User[] {
  return signedIn.map((entry) => entry.user).filter((user) => user.id !== actingAdminId);
}
