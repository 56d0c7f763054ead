import { describe, expect, it } from 'vitest';
import { revokeUserEverywhere } from '@/lib/revocation/revoke-user-everywhere';
import { createSession } from '@/lib/session/session';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { User } from '@/lib/users/users';
import { listSignedInUsers, usersToLogOut } from './signed-in-users';

const NOW = Date.UTC(2026, 0, 1, 9);
const alice: User = { id: 'usr_alice', username: 'alice', role: 'user' };
const bob: User = { id: 'usr_bob', username: 'bob', role: 'user' };
const carol: User = { id: 'usr_carol', username: 'carol', role: 'user' };
const admin: User = { id: 'usr_admin', username: 'admin', role: 'admin' };
const DIRECTORY = [alice, bob, carol, admin];

describe('listSignedInUsers', () => {
  it('lists each user with live sessions, in directory order, with every session, and leaves out users without one', async () => {
    const store = createMemoryStore({ now: () => NOW });
    await createSession(store, bob, { now: NOW });
    await createSession(store, alice, { now: NOW + 1 });
    await createSession(store, alice, { now: NOW + 2 });
    const listed = await listSignedInUsers(store, DIRECTORY, { now: NOW + 3 });
    expect(listed.map((entry) => [entry.user.username, entry.sessions.length])).toEqual([
      ['alice', 2],
      ['bob', 1],
    ]);
  });

  it('does not list admin-console sessions: they are another scope', async () => {
    const store = createMemoryStore({ now: () => NOW });
    await createSession(store, admin, { now: NOW, scope: 'admin' });
    expect(await listSignedInUsers(store, DIRECTORY, { now: NOW + 1 })).toEqual([]);
  });

  it('no longer lists a user once revoked everywhere', async () => {
    const store = createMemoryStore({ now: () => NOW });
    await createSession(store, alice, { now: NOW });
    await createSession(store, bob, { now: NOW });
    await revokeUserEverywhere(store, alice.id, NOW + 1);
    expect((await listSignedInUsers(store, DIRECTORY, { now: NOW + 2 })).map((entry) => entry.user.username)).toEqual(['bob']);
  });
});

describe('usersToLogOut', () => {
  it('is everyone signed in except the administrator pressing the button', () => {
    const signedIn = [alice, admin, carol].map((user) => ({ user, sessions: [] }));
    expect(usersToLogOut(signedIn, admin.id)).toEqual([alice, carol]);
  });
});
