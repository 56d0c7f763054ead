import { describe, expect, it } from 'vitest';
import { checkDenylist, revokedBeforeKey } from '@/lib/jwt/denylist';
import { issueRefreshToken, rotateRefreshToken } from '@/lib/jwt/refresh-token';
import { FIXED_NOW } from '@/lib/jwt/test-keys';
import { createSession, validateSession } from '@/lib/session/session';
import { createMemoryStore } from '@/lib/store/memory-store';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import type { User } from '@/lib/users/users';
import { revokeUserEverywhere } from './revoke-user-everywhere';

const alice: User = { id: 'usr_alice', username: 'alice', role: 'admin' };
const bob: User = { id: 'usr_bob', username: 'bob', role: 'user' };

describe('revokeUserEverywhere', () => {
  it('ends both session scopes and every refresh family of the user, and marks the denylist, leaving others alone', async () => {
    const store = createMemoryStore({ now: () => FIXED_NOW });
    const now = FIXED_NOW;
    const userSession = await createSession(store, alice, { now, scope: 'user' });
    const adminSession = await createSession(store, alice, { now, scope: 'admin' });
    const bobSession = await createSession(store, bob, { now });
    const families = [await issueRefreshToken(store, { user: alice, now }), await issueRefreshToken(store, { user: alice, now })];
    const bobFamily = await issueRefreshToken(store, { user: bob, now });

    expect(await revokeUserEverywhere(store, alice.id, now)).toEqual({ revokedAt: now, sessionsRevoked: 2, refreshFamiliesRevoked: 2 });

    expect(await validateSession(store, userSession.sessionId, { now, scope: 'user' })).toMatchObject({
      ok: false,
      code: 'session_invalid',
    });
    expect(await validateSession(store, adminSession.sessionId, { now, scope: 'admin' })).toMatchObject({
      ok: false,
      code: 'session_invalid',
    });
    for (const { token } of families)
      expect(await rotateRefreshToken(store, token, { now })).toMatchObject({ ok: false, code: 'refresh_revoked' });
    expect(await store.get(revokedBeforeKey(alice.id))).toBe(String(now));
    expect(await checkDenylist(store, { sub: alice.id, jti: 'any', iat: Math.floor(now / 1000) })).toMatchObject({
      ok: false,
      reason: 'user_revoked',
    });

    expect(await validateSession(store, bobSession.sessionId, { now })).toMatchObject({ ok: true });
    expect(await rotateRefreshToken(store, bobFamily.token, { now })).toMatchObject({ ok: true });
  });

  it('makes one store call per thing it revokes, plus a read that keeps the revocation instant at its latest', async () => {
    const calls = new StoreCallLog();
    const store = createMemoryStore({ now: () => FIXED_NOW });
    await createSession(store, alice, { now: FIXED_NOW });
    await revokeUserEverywhere(timeStore(store, calls.record), alice.id, FIXED_NOW);
    expect(calls.calls.map((call) => call.operation).sort()).toEqual([
      'deleteIndexAndMembers',
      'deleteIndexAndMembers',
      'deleteIndexAndMembers',
      'get',
      'set',
    ]);
  });
});
