/**
 * The admin dashboard scenario's list of sessions over time: each poll of the signed-in users
 * updates it, and a session that disappears from the store is kept on screen with what ended it.
 * Pure: the page calls it with each answer and the revocation it made.
 */
import type { SignedInUser } from './signed-in-users';

type RosterState = 'live' | 'revoked' | 'ended';

export interface RosterEntry {
  /** The session's public handle (the hash of its id). */
  sessionId: string;
  userId: string;
  username: string;
  createdAt: number;
  lastSeenAt: number;
  state: RosterState;
  /** When the page first saw it gone from the store; null while live. */
  goneAt: number | null;
}

export interface RosterRevocation {
  at: number;
  userIds: readonly string[];
}

/**
 * The roster after one poll. A listed session is live. A session no longer listed is `revoked`
 * when its user was logged out by the page's revocation at or after the session began, otherwise
 * `ended` (its user logged out, or it timed out). Entries keep their first-seen order, new
 * sessions are appended; a gone entry keeps the time it was first seen gone.
 */
export function updateRoster(
  previous: readonly RosterEntry[],
  listing: readonly SignedInUser[],
  revocation: RosterRevocation | null,
  now: number,
): RosterEntry[] {
  const live = new Map(
    listing.flatMap(({ user, sessions }) =>
      sessions.map((session) => [
        session.id,
        {
          sessionId: session.id,
          userId: user.id,
          username: user.username,
          createdAt: session.createdAt,
          lastSeenAt: session.lastSeenAt,
          state: 'live',
          goneAt: null,
        } satisfies RosterEntry,
      ]),
    ),
  );
  const next = previous.map((entry): RosterEntry => {
    const current = live.get(entry.sessionId);
    live.delete(entry.sessionId);
    if (current) return current;
    if (entry.state !== 'live') return entry;
    const revoked = revocation !== null && revocation.userIds.includes(entry.userId) && revocation.at >= entry.createdAt;
    return { ...entry, state: revoked ? 'revoked' : 'ended', goneAt: now };
  });
  return [...next, ...live.values()];
}
