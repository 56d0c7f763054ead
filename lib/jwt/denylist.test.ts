import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import { signAccessToken, verifyAccessToken } from './access-token';
import { checkDenylist, denyAccessToken, markUserRevoked } from './denylist';
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
    expect((await store.timeToLive('jwt_denylist:usr_alice'))!).toBeLessThanOrEqual(15_000);
    await denyAccessToken(store, { sub: alice.id, jti: 'gone', exp: iat - 100 }, FIXED_NOW);
    expect(await store.listIndex('jwt_denylist:usr_alice')).toEqual(['jti:short']);
  });
});
