import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import { signAccessToken, verifyAccessToken } from './access-token';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';
import { checkDenylist, deniedTokenKey, denyAccessToken, markUserRevoked, revokedBeforeKey } from './denylist';
import { FIXED_NOW, makeKeyRing } from './test-keys';

const alice = { id: 'usr_alice', username: 'alice', role: 'user' as const };
const iat = Math.floor(FIXED_NOW / 1000);

describe('denylist', () => {
  it('off: a revoked token still verifies with no store lookup at all (the revocation window)', async () => {
    const { ring } = await makeKeyRing();
    const log = new StoreCallLog();
    const store = timeStore(createMemoryStore(), log.record);
    const signed = await signAccessToken({ user: alice, signingKey: ring.signingKey, now: FIXED_NOW, ttlSeconds: 900 });
    await markUserRevoked(store, alice.id, FIXED_NOW + 1000);
    log.calls.length = 0;
    expect((await verifyAccessToken(signed.token, { resolveKey: (kid) => ring.verificationKeys.get(kid), now: FIXED_NOW + 2000 })).ok).toBe(
      true,
    );
    expect(log.reads).toBe(0);
  });

  it('on: rejects a token issued before a revocation that happened while it was off, with one store read', async () => {
    const log = new StoreCallLog();
    const store = timeStore(createMemoryStore(), log.record);
    await markUserRevoked(store, alice.id, FIXED_NOW + 1000);
    log.calls.length = 0;
    expect(await checkDenylist(store, { sub: alice.id, jti: 'a', iat })).toEqual({
      ok: false,
      code: 'token_revoked',
      reason: 'user_revoked',
    });
    expect(log.reads).toBe(1);
  });

  it('accepts tokens issued after the revocation mark (a fresh login or refresh)', async () => {
    const store = createMemoryStore();
    await markUserRevoked(store, alice.id, FIXED_NOW);
    expect(await checkDenylist(store, { sub: alice.id, jti: 'b', iat: iat + 1 })).toEqual({ ok: true });
    // Same second as the mark: iat has no milliseconds, so it is counted as revoked (the safe side).
    expect((await checkDenylist(store, { sub: alice.id, jti: 'c', iat })).ok).toBe(false);
  });

  it("denies one token by jti and leaves the user's other tokens alone", async () => {
    const store = createMemoryStore();
    await denyAccessToken(store, { sub: alice.id, jti: 'logged-out', exp: iat + 900 }, FIXED_NOW);
    expect(await checkDenylist(store, { sub: alice.id, jti: 'logged-out', iat })).toEqual({
      ok: false,
      code: 'token_revoked',
      reason: 'jti_denied',
    });
    expect(await checkDenylist(store, { sub: alice.id, jti: 'other-device', iat })).toEqual({ ok: true });
    expect(await checkDenylist(store, { sub: 'usr_bob', jti: 'logged-out', iat })).toEqual({ ok: true });
  });

  it('keeps entries only as long as a token could live', async () => {
    const clock = { now: FIXED_NOW };
    const store = createMemoryStore({ now: () => clock.now });
    await denyAccessToken(store, { sub: alice.id, jti: 'short', exp: iat + 10 }, FIXED_NOW);
    expect((await store.timeToLive(deniedTokenKey(alice.id, 'short')))!).toBeLessThanOrEqual(15_000);
    await denyAccessToken(store, { sub: alice.id, jti: 'gone', exp: iat - 100 }, FIXED_NOW);
    expect(await store.get(deniedTokenKey(alice.id, 'gone'))).toBeNull();
    await markUserRevoked(store, alice.id, FIXED_NOW);
    expect((await store.timeToLive(revokedBeforeKey(alice.id)))!).toBeLessThanOrEqual(
      (MAX_ACCESS_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000,
    );
  });

  it('keeps one revocation key per user however often the user is revoked, and never moves it back', async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 50; i += 1) await markUserRevoked(store, alice.id, FIXED_NOW + i * 1000);
    await markUserRevoked(store, alice.id, FIXED_NOW);
    expect(await store.get(revokedBeforeKey(alice.id))).toBe(String(FIXED_NOW + 49_000));
    expect(await store.listIndex('jwt_denylist:usr_alice')).toEqual([]);
  });

  it('checks with one getMany and never lists a set, however many tokens were denied', async () => {
    const log = new StoreCallLog();
    const store = timeStore(createMemoryStore(), log.record);
    for (let i = 0; i < 20; i += 1) await denyAccessToken(store, { sub: alice.id, jti: `t${i}`, exp: iat + 900 }, FIXED_NOW);
    await markUserRevoked(store, alice.id, FIXED_NOW - 5000);
    log.calls.length = 0;
    expect(await checkDenylist(store, { sub: alice.id, jti: 't7', iat })).toMatchObject({ ok: false, reason: 'jti_denied' });
    expect(log.calls.map((call) => call.operation)).toEqual(['getMany']);
  });
});
