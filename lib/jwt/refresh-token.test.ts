import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';
import type { User } from '@/lib/users/users';
import { revokedBeforeKey } from './denylist';
import {
  DEFAULT_REFRESH_POLICY,
  describeRefreshToken,
  hashRefreshToken,
  issueRefreshToken,
  refreshFamilyKey,
  revokeRefreshTokenFamily,
  revokeUserRefreshFamilies,
  rotateRefreshToken,
  type RefreshRotation,
} from './refresh-token';
import { pauseStoreCall } from '@/test-utils/pausing-store';
import { FIXED_NOW } from './test-keys';

const alice: User = { id: 'usr_alice', username: 'alice', role: 'user' };
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

/** A memory store whose clock the test moves: TTLs and `now` agree without fake timers. */
function setup(): { store: Store; clock: { now: number } } {
  const clock = { now: FIXED_NOW };
  return { store: createMemoryStore({ now: () => clock.now }), clock };
}

function expectOk(result: RefreshRotation): Extract<RefreshRotation, { ok: true }> {
  if (!result.ok) throw new Error(`expected a rotation, got ${result.code}`);
  return result;
}

describe('refresh tokens', () => {
  it('issues a token naming its family plus 256 random bits, and stores only its hash with user, family and expiries', async () => {
    const { store } = setup();
    const { token, record } = await issueRefreshToken(store, { user: alice, now: FIXED_NOW });
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    const [familyId, secret] = token.split('.');
    // The store knows the family only by a hash of the id the token carries.
    expect(record.familyId).toBe(createHash('sha256').update(familyId!).digest('hex'));
    expect(Buffer.from(secret!, 'base64url')).toHaveLength(32);
    const stored = JSON.parse((await store.get(refreshFamilyKey(record.familyId)))!);
    expect(stored).toEqual(record);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(record).toMatchObject({
      userId: 'usr_alice',
      currentHash: hashRefreshToken(token),
      parentHash: null,
      idleExpiresAt: FIXED_NOW + 7 * DAY,
      absoluteExpiresAt: FIXED_NOW + 30 * DAY,
    });
  });

  it('rotates on every use: the successor works, keeps the family and the absolute expiry, and names its parent', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    clock.now += 60 * SECOND;
    const second = expectOk(await rotateRefreshToken(store, first.token, { now: clock.now }));
    expect(second.token).not.toBe(first.token);
    expect(second.user).toEqual(alice);
    expect(second.record).toMatchObject({
      familyId: first.record.familyId,
      parentHash: hashRefreshToken(first.token),
      absoluteExpiresAt: first.record.absoluteExpiresAt,
      idleExpiresAt: clock.now + 7 * DAY,
    });
    clock.now += 60 * SECOND;
    const third = expectOk(await rotateRefreshToken(store, second.token, { now: clock.now }));
    expect([first.record.generation, second.record.generation, third.record.generation]).toEqual([1, 2, 3]);
  });

  it('rejects a refresh token reused after rotation and revokes its family', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    const second = expectOk(await rotateRefreshToken(store, first.token, { now: clock.now }));
    clock.now += (DEFAULT_REFRESH_POLICY.graceSeconds + 1) * SECOND;
    expect(await rotateRefreshToken(store, first.token, { now: clock.now })).toEqual({
      ok: false,
      code: 'refresh_reused',
      familyRevoked: true,
      userId: alice.id,
      familyId: first.record.familyId,
    });
    // The legitimate holder's successor dies with the family: the thief's copy would have too.
    expect(await rotateRefreshToken(store, second.token, { now: clock.now })).toMatchObject({ ok: false, code: 'refresh_revoked' });
    // Theft also marks the user's access tokens revoked for the denylist.
    expect(await store.get(revokedBeforeKey(alice.id))).toBe(String(clock.now));
  });

  it('recognises reuse of a token rotated long ago, however many rotations back', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    let token = first.token;
    for (let i = 0; i < 5; i += 1) {
      clock.now += DAY;
      token = expectOk(await rotateRefreshToken(store, token, { now: clock.now })).token;
    }
    expect(await rotateRefreshToken(store, first.token, { now: clock.now })).toMatchObject({ ok: false, code: 'refresh_reused' });
    expect(await rotateRefreshToken(store, token, { now: clock.now })).toMatchObject({ ok: false, code: 'refresh_revoked' });
  });

  it('a forged token naming a family it does not belong to cannot rotate, and cannot end the family through logout', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    const forged = `${first.token.split('.')[0]}.${'A'.repeat(43)}`;
    expect(await revokeRefreshTokenFamily(store, forged)).toEqual({ ok: false, code: 'refresh_invalid' });
    expectOk(await rotateRefreshToken(store, first.token, { now: clock.now }));
  });

  it('answers a duplicate inside the grace window with refresh_in_progress, neither minting nor revoking', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    const second = expectOk(await rotateRefreshToken(store, first.token, { now: clock.now }));
    clock.now += DEFAULT_REFRESH_POLICY.graceSeconds * SECOND;
    expect(await rotateRefreshToken(store, first.token, { now: clock.now })).toMatchObject({ ok: false, code: 'refresh_in_progress' });
    expectOk(await rotateRefreshToken(store, second.token, { now: clock.now }));
  });

  it('treats any duplicate as reuse when the grace window is set to 0', async () => {
    const { store, clock } = setup();
    const policy = { ...DEFAULT_REFRESH_POLICY, graceSeconds: 0 };
    const first = await issueRefreshToken(store, { user: alice, now: clock.now, policy });
    expectOk(await rotateRefreshToken(store, first.token, { now: clock.now, policy }));
    clock.now += 1;
    expect(await rotateRefreshToken(store, first.token, { now: clock.now, policy })).toMatchObject({ ok: false, code: 'refresh_reused' });
  });

  it('leaves exactly one new live chain after 20 parallel refreshes of one token (memory store)', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    const results = await Promise.all(Array.from({ length: 20 }, () => rotateRefreshToken(store, first.token, { now: clock.now })));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'refresh_in_progress')).toHaveLength(19);
    clock.now += 60 * SECOND;
    expectOk(await rotateRefreshToken(store, expectOk(winners[0]!).token, { now: clock.now }));
  });

  it('expires a token left unused for the idle lifetime', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    clock.now += 7 * DAY;
    const result = await rotateRefreshToken(store, first.token, { now: clock.now });
    expect(result.ok).toBe(false);
    // The family key ends with its idle deadline, so the store has already forgotten the login.
    expect(['refresh_expired', 'refresh_revoked']).toContain(!result.ok && result.code);
    // Checked on the record too, not only by the store's TTL: a record read a moment before expiry.
    const other = await issueRefreshToken(store, { user: alice, now: clock.now });
    expect(await rotateRefreshToken(store, other.token, { now: clock.now + 7 * DAY })).toMatchObject({
      ok: false,
      code: 'refresh_expired',
    });
  });

  it('ends a family at its absolute lifetime however often it is used', async () => {
    const { store, clock } = setup();
    let token = (await issueRefreshToken(store, { user: alice, now: clock.now })).token;
    for (let day = 6; day < 30; day += 6) {
      clock.now = FIXED_NOW + day * DAY;
      token = expectOk(await rotateRefreshToken(store, token, { now: clock.now })).token;
    }
    const last = expectOk(await rotateRefreshToken(store, token, { now: FIXED_NOW + 29 * DAY }));
    expect(last.record.idleExpiresAt).toBe(FIXED_NOW + 30 * DAY);
    expect(await rotateRefreshToken(store, last.token, { now: FIXED_NOW + 30 * DAY })).toMatchObject({
      ok: false,
      code: 'refresh_expired',
    });
  });

  it('logout revokes the family of the presented token', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    const other = await issueRefreshToken(store, { user: alice, now: clock.now });
    expect(await revokeRefreshTokenFamily(store, first.token)).toEqual({
      ok: true,
      userId: alice.id,
      familyId: first.record.familyId,
      familyRevoked: true,
    });
    expect(await rotateRefreshToken(store, first.token, { now: clock.now })).toMatchObject({ ok: false, code: 'refresh_revoked' });
    expectOk(await rotateRefreshToken(store, other.token, { now: clock.now }));
  });

  it('logout with an already rotated token still revokes its family', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    const second = expectOk(await rotateRefreshToken(store, first.token, { now: clock.now }));
    expect(await revokeRefreshTokenFamily(store, first.token)).toMatchObject({ ok: true, familyRevoked: true });
    expect(await rotateRefreshToken(store, second.token, { now: clock.now })).toMatchObject({ ok: false, code: 'refresh_revoked' });
  });

  it('revokes every family of a user in one call and reports how many', async () => {
    const { store, clock } = setup();
    const bob: User = { id: 'usr_bob', username: 'bob', role: 'user' };
    const tokens = [
      await issueRefreshToken(store, { user: alice, now: clock.now }),
      await issueRefreshToken(store, { user: alice, now: clock.now }),
    ];
    const bobs = await issueRefreshToken(store, { user: bob, now: clock.now });
    expect(await revokeUserRefreshFamilies(store, alice.id)).toBe(2);
    for (const { token } of tokens)
      expect(await rotateRefreshToken(store, token, { now: clock.now })).toMatchObject({ ok: false, code: 'refresh_revoked' });
    expectOk(await rotateRefreshToken(store, bobs.token, { now: clock.now }));
  });

  it.each(['', 'short', 'x'.repeat(43).replace(/x$/, '!'), 'A'.repeat(44), 'A'.repeat(43), `${'A'.repeat(22)}.${'B'.repeat(42)}`])(
    'rejects a malformed token %j as refresh_invalid',
    async (token) => {
      const { store } = setup();
      expect(await rotateRefreshToken(store, token, { now: FIXED_NOW })).toEqual({ ok: false, code: 'refresh_invalid' });
    },
  );

  it('answers a well-formed token of no live family with refresh_revoked: the login is over', async () => {
    const { store } = setup();
    expect(await rotateRefreshToken(store, `${'A'.repeat(22)}.${'B'.repeat(43)}`, { now: FIXED_NOW })).toEqual({
      ok: false,
      code: 'refresh_revoked',
    });
  });
});

describe('describeRefreshToken', () => {
  it('describes a live token without consuming it, and reports rotated or revoked ones', async () => {
    const { store, clock } = setup();
    const first = await issueRefreshToken(store, { user: alice, now: clock.now });
    const described = await describeRefreshToken(store, first.token, clock.now);
    expect(described).toMatchObject({ ok: true, familyAlive: true, record: { generation: 1, familyId: first.record.familyId } });
    const second = expectOk(await rotateRefreshToken(store, first.token, { now: clock.now }));
    expect(await describeRefreshToken(store, first.token, clock.now)).toEqual({ ok: false, code: 'refresh_invalid' });
    expect(await describeRefreshToken(store, second.token, clock.now)).toMatchObject({ ok: true, record: { generation: 2 } });
    await revokeUserRefreshFamilies(store, alice.id);
    expect(await describeRefreshToken(store, second.token, clock.now)).toEqual({ ok: false, code: 'refresh_revoked' });
  });

  describe('store growth', () => {
    it('keeps a constant number of keys per family however often it refreshes', async () => {
      const { store: inner, clock } = setup();
      const written = new Set<string>();
      const store: Store = {
        ...inner,
        set: (key, value, options) => (written.add(key), inner.set(key, value, options)),
        addToIndex: (key, member, ttl) => (written.add(key), inner.addToIndex(key, member, ttl)),
      };
      let token = (await issueRefreshToken(store, { user: alice, now: clock.now })).token;
      for (let i = 0; i < 100; i += 1) {
        clock.now += (DEFAULT_REFRESH_POLICY.graceSeconds + 1) * SECOND;
        token = expectOk(await rotateRefreshToken(store, token, { now: clock.now })).token;
      }
      const alive = [];
      for (const key of written) if ((await store.get(key).catch(() => 'index')) !== null) alive.push(key.split(':')[0]);
      // The family, the user's index, and the claim of the last rotation (gone after the grace window).
      expect(alive.sort()).toEqual(['refresh_claim', 'refresh_family', 'user_refresh_families']);
    });

    it('adds nothing to the store when a stale refresh token is replayed again and again', async () => {
      const { store, clock } = setup();
      const first = await issueRefreshToken(store, { user: alice, now: FIXED_NOW });
      expectOk(await rotateRefreshToken(store, first.token, { now: FIXED_NOW }));
      for (let i = 1; i <= 20; i += 1) {
        clock.now = FIXED_NOW + DEFAULT_REFRESH_POLICY.graceSeconds * SECOND + i * SECOND;
        expect(await rotateRefreshToken(store, first.token, { now: clock.now })).toMatchObject({ ok: false });
      }
      expect(await store.listIndex('jwt_denylist:usr_alice')).toEqual([]);
      // The first replay ended the family; the later ones find no family and write nothing.
      expect(await store.get(revokedBeforeKey(alice.id))).toBe(String(FIXED_NOW + (DEFAULT_REFRESH_POLICY.graceSeconds + 1) * SECOND));
    });

    it('drops ended families from the user index at the next login', async () => {
      const { store, clock } = setup();
      await issueRefreshToken(store, { user: alice, now: clock.now });
      clock.now += 20 * DAY;
      const second = await issueRefreshToken(store, { user: alice, now: clock.now });
      // The first family has ended (unused for its 7-day idle life); the second is still alive.
      clock.now += 5 * DAY;
      const third = await issueRefreshToken(store, { user: alice, now: clock.now });
      expect((await store.listIndex('user_refresh_families:usr_alice')).sort()).toEqual(
        [`refresh_family:${second.record.familyId}`, `refresh_family:${third.record.familyId}`].sort(),
      );
    });
  });

  describe('the configured user decides', () => {
    it('refuses a refresh for a user no longer configured, and ends the family', async () => {
      const { store } = setup();
      const first = await issueRefreshToken(store, { user: alice, now: FIXED_NOW });
      expect(await rotateRefreshToken(store, first.token, { now: FIXED_NOW, resolveUser: () => null })).toMatchObject({
        ok: false,
        code: 'refresh_revoked',
      });
      expect(await describeRefreshToken(store, first.token, FIXED_NOW)).toMatchObject({ ok: false });
    });

    it('issues the successor with the current role, not the one copied at login', async () => {
      const { store } = setup();
      const admin: User = { id: 'usr_admin', username: 'admin', role: 'admin' };
      const first = await issueRefreshToken(store, { user: admin, now: FIXED_NOW });
      const rotated = expectOk(
        await rotateRefreshToken(store, first.token, { now: FIXED_NOW, resolveUser: () => ({ ...admin, role: 'user' }) }),
      );
      expect(rotated.user.role).toBe('user');
      expect(rotated.record.role).toBe('user');
    });
  });

  describe('races', () => {
    it('a refresh that passed its family check before a revoke ends refresh_revoked, with no live successor', async () => {
      const { store } = setup();
      const first = await issueRefreshToken(store, { user: alice, now: FIXED_NOW });
      // Hold the successor's family write: the family check has passed, the revoke lands now.
      const paused = pauseStoreCall(store, 'set', (key) => key === refreshFamilyKey(first.record.familyId));
      const rotation = rotateRefreshToken(paused.store, first.token, { now: FIXED_NOW });
      await paused.reached;
      expect(await revokeUserRefreshFamilies(store, alice.id)).toBe(1);
      paused.release();
      const result = await rotation;
      expect(result).toMatchObject({ ok: false, code: 'refresh_revoked' });
      expect(await store.get(paused.heldKey()!)).toBeNull();
      expect(await describeRefreshToken(store, first.token, FIXED_NOW)).toMatchObject({ ok: false, code: 'refresh_revoked' });
      expect(await store.listIndex('user_refresh_families:usr_alice')).toEqual([]);
    });
  });
});
