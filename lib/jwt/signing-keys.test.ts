import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { signAccessToken, verifyAccessToken } from './access-token';
import { createKeyRing, type KeyRing } from './key-ring';
import {
  buildJwks,
  listSigningKeys,
  loadSigningKeys,
  retireSigningKey,
  rotateSigningKey,
  SIGNING_KEYS_KEY,
  type SigningKeySet,
} from './signing-keys';
import { FIXED_NOW, TEST_SEAL } from './test-keys';
import { randomBytes } from 'node:crypto';
import { createPrivateKeySeal } from './private-key-seal';
import { createKeyCache } from './key-cache';
import { SigningKeyUnreadableError } from './signing-keys';

const alice = { id: 'usr_alice', username: 'alice', role: 'user' as const };
const verifyWith = (ring: KeyRing, token: string) =>
  verifyAccessToken(token, { resolveKey: (kid) => ring.verificationKeys.get(kid), now: FIXED_NOW });

function changed(result: Awaited<ReturnType<typeof rotateSigningKey>>): SigningKeySet {
  if (!result.ok) throw new Error(result.message);
  return result.keySet;
}

describe('signing keys', () => {
  it('generates one Ed25519 key on first use and every later load (and a racing instance) gets the same one', async () => {
    const store = createMemoryStore();
    const [a, b] = await Promise.all([loadSigningKeys(store, FIXED_NOW, TEST_SEAL), loadSigningKeys(store, FIXED_NOW, TEST_SEAL)]);
    expect(a.keys).toHaveLength(1);
    expect(b.keys[0]!.kid).toBe(a.keys[0]!.kid);
    expect((await loadSigningKeys(store, FIXED_NOW, TEST_SEAL)).keys[0]!.kid).toBe(a.keys[0]!.kid);
    expect(a.keys[0]).toMatchObject({
      alg: 'EdDSA',
      status: 'current',
      publicJwk: { kty: 'OKP', crv: 'Ed25519', use: 'sig', alg: 'EdDSA' },
    });
  });

  it('publishes only public parts in the JWKS', async () => {
    const keySet = await loadSigningKeys(createMemoryStore(), FIXED_NOW, TEST_SEAL);
    const jwks = buildJwks(keySet);
    expect(Object.keys(jwks.keys[0]!).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(JSON.stringify(jwks)).not.toContain(keySet.keys[0]!.privateJwk!.d);
  });

  it('rotates: the new key signs, the old one keeps verifying and stays in the JWKS', async () => {
    const store = createMemoryStore();
    const before = await createKeyRing(await loadSigningKeys(store, FIXED_NOW, TEST_SEAL));
    const oldToken = (await signAccessToken({ user: alice, signingKey: before.signingKey, now: FIXED_NOW, ttlSeconds: 900 })).token;
    const keySet = changed(await rotateSigningKey(store, FIXED_NOW + 1000, TEST_SEAL));
    const after = await createKeyRing(keySet);
    expect(after.signingKey.kid).not.toBe(before.signingKey.kid);
    expect(buildJwks(keySet).keys.map((k) => k.kid)).toEqual([after.signingKey.kid, before.signingKey.kid]);
    expect(listSigningKeys(keySet).map((k) => k.status)).toEqual(['current', 'previous']);
    expect((await verifyWith(after, oldToken)).ok).toBe(true);
    const newToken = (await signAccessToken({ user: alice, signingKey: after.signingKey, now: FIXED_NOW, ttlSeconds: 900 })).token;
    expect(await verifyWith(after, newToken)).toMatchObject({ ok: true, header: { kid: after.signingKey.kid } });
    // The change is in the store, so every other instance picks it up on its next reload.
    expect((await loadSigningKeys(store, FIXED_NOW, TEST_SEAL)).version).toBe(keySet.version);
  });

  it('retires a previous key: it leaves the JWKS, loses its private part, and its tokens fail', async () => {
    const store = createMemoryStore();
    const initial = await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    const before = await createKeyRing(initial);
    const oldToken = (await signAccessToken({ user: alice, signingKey: before.signingKey, now: FIXED_NOW, ttlSeconds: 900 })).token;
    changed(await rotateSigningKey(store, FIXED_NOW, TEST_SEAL));
    const keySet = changed(await retireSigningKey(store, before.signingKey.kid, FIXED_NOW, TEST_SEAL));
    expect(buildJwks(keySet).keys.map((k) => k.kid)).not.toContain(before.signingKey.kid);
    const retired = keySet.keys.find((k) => k.kid === before.signingKey.kid)!;
    expect(retired.status).toBe('retired');
    expect(retired.privateJwk).toBeUndefined();
    expect(await verifyWith(await createKeyRing(keySet), oldToken)).toMatchObject({
      ok: false,
      code: 'invalid_token',
      unknownKid: before.signingKey.kid,
    });
    expect(await store.get(SIGNING_KEYS_KEY)).not.toContain(initial.keys[0]!.privateJwk!.d);
  });

  it('refuses to retire the current key or a kid it does not know', async () => {
    const store = createMemoryStore();
    const keySet = await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    expect(await retireSigningKey(store, keySet.keys[0]!.kid, FIXED_NOW, TEST_SEAL)).toMatchObject({ ok: false, code: 'key_is_current' });
    expect(await retireSigningKey(store, 'nope', FIXED_NOW, TEST_SEAL)).toMatchObject({ ok: false, code: 'unknown_kid' });
  });

  it('lets only one of two simultaneous rotations run', async () => {
    const store = createMemoryStore();
    await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    const results = await Promise.all([rotateSigningKey(store, FIXED_NOW, TEST_SEAL), rotateSigningKey(store, FIXED_NOW, TEST_SEAL)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'busy')).toHaveLength(1);
    expect((await loadSigningKeys(store, FIXED_NOW, TEST_SEAL)).keys).toHaveLength(2);
  });

  it('keeps in the store no private part in clear: the current one sealed, none at all for previous keys', async () => {
    const store = createMemoryStore();
    const first = await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    const rotated = changed(await rotateSigningKey(store, FIXED_NOW, TEST_SEAL));
    const raw = (await store.get(SIGNING_KEYS_KEY))!;
    const stored = JSON.parse(raw) as { keys: Record<string, unknown>[] };
    expect(raw).not.toContain(first.keys[0]!.privateJwk!.d);
    expect(raw).not.toContain(rotated.keys[0]!.privateJwk!.d);
    expect(raw).not.toMatch(/"d"|privateJwk/);
    expect(stored.keys.map((key) => [key.status, typeof key.sealedPrivateJwk])).toEqual([
      ['current', 'string'],
      ['previous', 'undefined'],
    ]);
    // In memory too, only the current key keeps a private part.
    expect(rotated.keys.map((key) => key.privateJwk !== undefined)).toEqual([true, false]);
    expect((await loadSigningKeys(store, FIXED_NOW, TEST_SEAL)).keys[0]!.privateJwk).toEqual(rotated.keys[0]!.privateJwk);
  });

  it('cannot open the sealed key under another secret, nor once it is moved onto another record', async () => {
    const store = createMemoryStore();
    const keySet = await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    const otherSeal = createPrivateKeySeal(randomBytes(32).toString('base64url'));
    await expect(loadSigningKeys(store, FIXED_NOW, otherSeal)).rejects.toBeInstanceOf(SigningKeyUnreadableError);
    await expect(loadSigningKeys(store, FIXED_NOW, otherSeal)).rejects.toThrow(/same SIGNING_KEY_SECRET/);
    const current = keySet.keys[0]!;
    const sealed = TEST_SEAL.seal(current.privateJwk!, { kid: current.kid, alg: current.alg, x: current.publicJwk.x });
    expect(TEST_SEAL.open(sealed, { kid: current.kid, alg: current.alg, x: current.publicJwk.x })).toEqual(current.privateJwk);
    expect(TEST_SEAL.open(sealed, { kid: 'another.kid', alg: current.alg, x: current.publicJwk.x })).toBeNull();
    expect(
      TEST_SEAL.open(sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA'), {
        kid: current.kid,
        alg: current.alg,
        x: current.publicJwk.x,
      }),
    ).toBeNull();
  });

  it('with a key it cannot decrypt: production fails closed; development rotates once, keeping the old key verifying', async () => {
    const store = createMemoryStore();
    const before = await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    const otherSeal = createPrivateKeySeal(randomBytes(32).toString('base64url'));
    const production = createKeyCache({ store, configuredKeys: null, seal: otherSeal, now: () => FIXED_NOW, every: () => () => {} });
    await expect(production.get(store)).rejects.toBeInstanceOf(SigningKeyUnreadableError);
    expect(JSON.parse((await store.get(SIGNING_KEYS_KEY))!).version).toBe(before.version);

    const warnings: string[] = [];
    const development = createKeyCache({
      store,
      configuredKeys: null,
      seal: otherSeal,
      replaceUnreadableKey: true,
      warn: (message) => warnings.push(message),
      now: () => FIXED_NOW,
      every: () => () => {},
    });
    const { ring, keySet } = await development.get(store);
    expect(ring.signingKey.kid).not.toBe(before.keys[0]!.kid);
    expect(ring.verificationKeys.has(before.keys[0]!.kid)).toBe(true);
    expect(listSigningKeys(keySet).map((key) => key.status)).toEqual(['current', 'previous']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/replacing it with a fresh signing key/);
  });

  it('a key set written in clear by an older version fails closed until a rotation, which drops every clear private part', async () => {
    const store = createMemoryStore();
    const old = await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    const clear = { version: old.version, keys: old.keys.map((key) => ({ ...key })) };
    await store.set(SIGNING_KEYS_KEY, JSON.stringify(clear));
    const production = createKeyCache({ store, configuredKeys: null, seal: TEST_SEAL, now: () => FIXED_NOW, every: () => () => {} });
    await expect(production.get(store)).rejects.toThrow(/rotate the signing key/);
    // The way out needs no private part: rotate (the admin console's button) works on the public parts.
    expect((await production.rotate(FIXED_NOW)).ok).toBe(true);
    const raw = (await store.get(SIGNING_KEYS_KEY))!;
    expect(raw).not.toContain(old.keys[0]!.privateJwk!.d);
    expect((await production.get(store)).ring.verificationKeys.has(old.keys[0]!.kid)).toBe(true);
  });
});
