import { describe, expect, it } from 'vitest';
import type { SessionView } from '@/lib/session/session';
import type { User } from '@/lib/users/users';
import { updateRoster } from './session-roster';
import type { SignedInUser } from './signed-in-users';

const T = Date.UTC(2026, 0, 1, 9);
const alice: User = { id: 'usr_alice', username: 'alice', role: 'user' };
const bob: User = { id: 'usr_bob', username: 'bob', role: 'user' };

function session(id: string, createdAt: number, lastSeenAt = createdAt): SessionView {
  return { id, createdAt, lastSeenAt, expiresAt: createdAt + 3_600_000, absoluteExpiresAt: createdAt + 86_400_000, userAgent: null };
}

const listing = (...entries: [User, SessionView[]][]): SignedInUser[] => entries.map(([user, sessions]) => ({ user, sessions }));

describe('updateRoster', () => {
  it('adds every listed session as live, in order, and refreshes a live one on the next poll', () => {
    const first = updateRoster([], listing([alice, [session('a1', T)]], [bob, [session('b1', T + 1)]]), null, T + 10);
    expect(first.map((entry) => [entry.username, entry.sessionId, entry.state])).toEqual([
      ['alice', 'a1', 'live'],
      ['bob', 'b1', 'live'],
    ]);
    const second = updateRoster(first, listing([bob, [session('b1', T + 1, T + 20)]], [alice, [session('a1', T)]]), null, T + 30);
    expect(second.map((entry) => entry.sessionId)).toEqual(['a1', 'b1']);
    expect(second[1]).toMatchObject({ lastSeenAt: T + 20, state: 'live', goneAt: null });
  });

  it('marks sessions gone after the revocation of their user as revoked, and others gone as ended', () => {
    const before = updateRoster([], listing([alice, [session('a1', T)]], [bob, [session('b1', T)]]), null, T + 10);
    const after = updateRoster(before, [], { at: T + 20, userIds: [alice.id] }, T + 21);
    expect(after.map((entry) => [entry.sessionId, entry.state, entry.goneAt])).toEqual([
      ['a1', 'revoked', T + 21],
      ['b1', 'ended', T + 21],
    ]);
  });

  it('does not blame a revocation for a session that began after it', () => {
    const before = updateRoster([], listing([alice, [session('a2', T + 50)]]), { at: T + 20, userIds: [alice.id] }, T + 60);
    expect(updateRoster(before, [], { at: T + 20, userIds: [alice.id] }, T + 70)[0]?.state).toBe('ended');
  });

  it('keeps a gone entry as it was first seen gone, and shows a new login of the same user as a new live row', () => {
    const before = updateRoster([], listing([alice, [session('a1', T)]]), null, T + 10);
    const revocation = { at: T + 20, userIds: [alice.id] };
    const gone = updateRoster(before, [], revocation, T + 21);
    const again = updateRoster(gone, listing([alice, [session('a2', T + 30)]]), revocation, T + 40);
    expect(again.map((entry) => [entry.sessionId, entry.state, entry.goneAt])).toEqual([
      ['a1', 'revoked', T + 21],
      ['a2', 'live', null],
    ]);
  });
});
