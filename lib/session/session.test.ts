import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import type { User } from '@/lib/users/users';
import {
  createSession,
  endSession,
  DEFAULT_SESSION_POLICY,
  isUsersSession,
  listUserSessions,
  revokeOwnSession,
  revokeSession,
  revokeUserSessions,
  sessionKey,
  validateSession,
  type SessionPolicy,
} from './session';
import { hashOpaqueToken as hashSessionId } from '@/lib/crypto/opaque-token';
import { pauseStoreCall } from '@/test-utils/pausing-store';

const alice: User = { id: 'usr_alice', username: 'alice', role: 'user' };
const bob: User = { id: 'usr_bob', username: 'bob', role: 'user' };
const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const policy: SessionPolicy = { idleTimeoutSeconds: 30 * 60, absoluteTimeoutSeconds: 12 * 3600, touchIntervalSeconds: 60 };

/** A memory store on a clock the test moves by hand, so store TTLs follow the same time. */
function setup() {
  let now = T0;
  const store = createMemoryStore({ now: () => now });
  return {
    store,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('createSession / validateSession', () => {
  it('creates a session that validates to its user, with both deadlines', async () => {
    const { store, now } = setup();
    const created = await createSession(store, alice, { now: now(), policy, userAgent: 'Firefox' });
    expect(created.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const result = await validateSession(store, created.sessionId, { now: now(), policy });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toEqual(alice);
    expect(result.session).toEqual({
      id: hashSessionId(created.sessionId),
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: T0 + 30 * 60_000,
      absoluteExpiresAt: T0 + 12 * 3600_000,
      userAgent: 'Firefox',
    });
  });

  it('keys the record by a hash of the id, so the store never holds the id itself', async () => {
    const { store, now } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy });
    expect(await store.get(sessionKey('user', sessionId))).toBeNull();
    const raw = await store.get(sessionKey('user', hashSessionId(sessionId)));
    expect(raw).not.toBeNull();
    expect(raw).not.toContain(sessionId);
  });

  it('rejects an id that was never issued', async () => {
    const { store, now } = setup();
    const result = await validateSession(store, 'A'.repeat(43), { now: now(), policy });
    expect(result).toEqual({ ok: false, code: 'session_invalid', reason: 'not_found' });
  });

  it('gives every login a new id: 1,000 logins, 1,000 distinct ids', async () => {
    const { store, now } = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i += 1) ids.add((await createSession(store, alice, { now: now(), policy })).sessionId);
    expect(ids.size).toBe(1000);
  });

  it('expires after the idle timeout when unused', async () => {
    const { store, now, advance } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy });
    advance(30 * 60_000 - 1);
    expect((await validateSession(store, sessionId, { now: now(), policy })).ok).toBe(true);
    advance(30 * 60_000);
    const result = await validateSession(store, sessionId, { now: now(), policy });
    expect(result.ok).toBe(false);
  });

  it('reports session_expired (idle_timeout) when the record outlives its idle deadline in the store', async () => {
    // A store whose TTL lags (another instance's clock) must not keep the session alive.
    let storeNow = T0;
    const store = createMemoryStore({ now: () => storeNow });
    const { sessionId } = await createSession(store, alice, { now: T0, policy });
    storeNow = T0; // the store has not noticed time passing
    const result = await validateSession(store, sessionId, { now: T0 + 31 * 60_000, policy });
    expect(result).toEqual({ ok: false, code: 'session_expired', reason: 'idle_timeout' });
  });

  it('slides the idle window when used, writing at most once per touch interval', async () => {
    const { store, now, advance } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy });
    advance(30_000);
    const early = await validateSession(store, sessionId, { now: now(), policy });
    expect(early.ok && early.touched).toBe(false);
    advance(30_000);
    const due = await validateSession(store, sessionId, { now: now(), policy });
    expect(due.ok && due.touched).toBe(true);
    // 29 minutes after that touch it is still alive, although 30 have passed since login.
    advance(29 * 60_000);
    expect((await validateSession(store, sessionId, { now: now(), policy })).ok).toBe(true);
  });

  it('ends at the absolute timeout however active the session is', async () => {
    const { store, now, advance } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy });
    for (let minute = 0; minute < 12 * 60 - 10; minute += 10) {
      advance(10 * 60_000);
      expect((await validateSession(store, sessionId, { now: now(), policy })).ok).toBe(true);
    }
    advance(10 * 60_000);
    const result = await validateSession(store, sessionId, { now: now(), policy });
    expect(result.ok).toBe(false);
  });

  it('reports session_expired (absolute_timeout) from the timestamps even if the store still has the record', async () => {
    const store = createMemoryStore({ now: () => T0 });
    const { sessionId } = await createSession(store, alice, { now: T0, policy });
    const result = await validateSession(store, sessionId, { now: T0 + 12 * 3600_000, policy });
    expect(result).toEqual({ ok: false, code: 'session_expired', reason: 'absolute_timeout' });
  });

  it('treats a corrupt record as invalid instead of trusting it', async () => {
    const { store, now } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy });
    await store.set(sessionKey('user', hashSessionId(sessionId)), '{"userId":42}');
    expect(await validateSession(store, sessionId, { now: now(), policy })).toEqual({
      ok: false,
      code: 'session_invalid',
      reason: 'corrupt',
    });
  });

  it('never brings a revoked session back by touching it', async () => {
    const { store, now, advance } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy });
    advance(61_000);
    // Simulate a revoke landing between the lookup and the touch: the delete happens first here.
    const realGet = store.get;
    store.get = async (key) => {
      const value = await realGet(key);
      await store.delete(key);
      return value;
    };
    const racing = await validateSession(store, sessionId, { now: now(), policy });
    expect(racing.ok && racing.touched).toBe(false);
    store.get = realGet;
    expect((await validateSession(store, sessionId, { now: now(), policy })).ok).toBe(false);
  });

  it('keeps admin sessions apart from user sessions', async () => {
    const { store, now } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy, scope: 'admin' });
    expect((await validateSession(store, sessionId, { now: now(), policy, scope: 'user' })).ok).toBe(false);
    expect((await validateSession(store, sessionId, { now: now(), policy, scope: 'admin' })).ok).toBe(true);
  });
});

describe('revocation', () => {
  it("revokes one session and leaves the user's others alone", async () => {
    const { store, now } = setup();
    const laptop = await createSession(store, alice, { now: now(), policy });
    const phone = await createSession(store, alice, { now: now(), policy });
    expect(await revokeSession(store, alice.id, laptop.session.id)).toBe(true);
    expect((await validateSession(store, laptop.sessionId, { now: now(), policy })).ok).toBe(false);
    expect((await validateSession(store, phone.sessionId, { now: now(), policy })).ok).toBe(true);
    expect(await revokeSession(store, alice.id, laptop.session.id)).toBe(false);
  });

  it("revokes every session of one user in one operation and no one else's", async () => {
    const { store, now } = setup();
    const aliceSessions = await Promise.all([1, 2, 3].map(() => createSession(store, alice, { now: now(), policy })));
    const bobSession = await createSession(store, bob, { now: now(), policy });
    let indexDeletes = 0;
    const realDeleteIndex = store.deleteIndexAndMembers;
    store.deleteIndexAndMembers = (key) => {
      indexDeletes += 1;
      return realDeleteIndex(key);
    };
    expect(await revokeUserSessions(store, alice.id)).toBe(3);
    expect(indexDeletes).toBe(1);
    for (const s of aliceSessions) expect((await validateSession(store, s.sessionId, { now: now(), policy })).ok).toBe(false);
    expect((await validateSession(store, bobSession.sessionId, { now: now(), policy })).ok).toBe(true);
  });

  it('lets a user revoke only sessions that are theirs', async () => {
    const { store, now } = setup();
    const bobSession = await createSession(store, bob, { now: now(), policy });
    expect(await isUsersSession(store, alice.id, bobSession.session.id)).toBe(false);
    expect(await isUsersSession(store, bob.id, bobSession.session.id)).toBe(true);
  });
});

describe('revokeOwnSession', () => {
  it("ends one of the user's own sessions by handle and leaves the others", async () => {
    const { store, now } = setup();
    const laptop = await createSession(store, alice, { now: now(), policy });
    const phone = await createSession(store, alice, { now: now(), policy });
    expect(await revokeOwnSession(store, alice.id, laptop.session.id)).toEqual({ ok: true, session: laptop.session.id });
    expect((await validateSession(store, laptop.sessionId, { now: now(), policy })).ok).toBe(false);
    expect((await validateSession(store, phone.sessionId, { now: now(), policy })).ok).toBe(true);
    expect(await revokeOwnSession(store, alice.id, laptop.session.id)).toEqual({ ok: false, code: 'not_found' });
  });

  it("answers someone else's handle exactly like an unknown one, and leaves their session alive", async () => {
    const { store, now } = setup();
    const bobSession = await createSession(store, bob, { now: now(), policy });
    expect(await revokeOwnSession(store, alice.id, bobSession.session.id)).toEqual({ ok: false, code: 'not_found' });
    expect(await revokeOwnSession(store, alice.id, 'f'.repeat(64))).toEqual({ ok: false, code: 'not_found' });
    expect((await validateSession(store, bobSession.sessionId, { now: now(), policy })).ok).toBe(true);
  });

  it.each(['', 'F'.repeat(64), 'f'.repeat(63), '../admin_session:x', bob.id])(
    'refuses the malformed handle %j before any store access',
    async (handle) => {
      const calls = new StoreCallLog();
      const store = timeStore(setup().store, calls.record);
      expect(await revokeOwnSession(store, alice.id, handle)).toEqual({ ok: false, code: 'malformed_handle' });
      expect(calls.calls).toEqual([]);
    },
  );
});

describe('listUserSessions', () => {
  it('lists live sessions newest first and prunes ones that ended', async () => {
    const { store, now, advance } = setup();
    const first = await createSession(store, alice, { now: now(), policy, userAgent: 'Laptop' });
    advance(1000);
    const second = await createSession(store, alice, { now: now(), policy, userAgent: 'Phone' });
    await store.delete(sessionKey('user', first.session.id));
    const listed = await listUserSessions(store, alice.id, { now: now(), policy });
    expect(listed.map((s) => [s.id, s.userAgent])).toEqual([[second.session.id, 'Phone']]);
    expect(await isUsersSession(store, alice.id, first.session.id)).toBe(false);
  });

  it('uses the default policy when none is given', () => {
    expect(DEFAULT_SESSION_POLICY).toEqual({ idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 43200, touchIntervalSeconds: 60 });
  });
});

describe('endSession', () => {
  it('deletes the record and says whose it was, once', async () => {
    const { store, now } = setup();
    const { sessionId } = await createSession(store, alice, { now: now(), policy });
    expect(await endSession(store, sessionId)).toMatchObject({ userId: 'usr_alice', username: 'alice' });
    expect(await endSession(store, sessionId)).toBeNull();
    expect((await validateSession(store, sessionId, { now: now(), policy })).ok).toBe(false);
  });
});

describe('store growth and races', () => {
  it('drops ended sessions from the user index at the next login', async () => {
    const { store, now, advance } = setup();
    await createSession(store, alice, { now: now(), policy });
    advance(10 * 60 * 1000);
    const second = await createSession(store, alice, { now: now(), policy });
    // The first session is idle past its deadline; the second keeps the index alive.
    advance(25 * 60 * 1000);
    const third = await createSession(store, alice, { now: now(), policy });
    expect((await store.listIndex('user_sessions:usr_alice')).sort()).toEqual(
      [sessionKey('user', second.session.id), sessionKey('user', third.session.id)].sort(),
    );
  });

  it('a login racing "log out everywhere" never leaves a live session the index does not list', async () => {
    const { store, now } = setup();
    // Hold the record write: the index entry exists, the record does not yet.
    const paused = pauseStoreCall(store, 'set', (key) => key.startsWith('session:'));
    const login = createSession(paused.store, alice, { now: now(), policy });
    await paused.reached;
    expect(await revokeUserSessions(store, alice.id)).toBe(0);
    paused.release();
    const created = await login;
    // The session that won the race is listed, so the next "log out everywhere" reaches it.
    expect(await revokeUserSessions(store, alice.id)).toBe(1);
    expect(await validateSession(store, created.sessionId, { now: now(), policy })).toMatchObject({ ok: false, code: 'session_invalid' });
  });
});
