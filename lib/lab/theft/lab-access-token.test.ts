import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyAccessToken } from '@/lib/jwt/access-token';
import { signLabAccessToken, verifyLabAccessToken } from './lab-access-token';

const bob = { id: 'usr_bob', username: 'bob', role: 'user' as const };
const now = 1_800_000_000_000;

async function labKey() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { privateKey, publicKey, kid: 'lab-ed25519' };
}

describe('lab access tokens of the theft demo', () => {
  it('verify with the lab key until they expire', async () => {
    const key = await labKey();
    const { token, expiresAt } = await signLabAccessToken({ user: bob, key, now, ttlSeconds: 5 });
    expect(expiresAt).toBe(now + 5_000);
    expect(await verifyLabAccessToken(token, key, now + 4_000)).toEqual({ ok: true, user: bob, expiresAt });
    expect(await verifyLabAccessToken(token, key, now + 5_000)).toEqual({ ok: false, code: 'token_expired' });
  });

  it('are refused under another key, and by the app verifier even with the same key', async () => {
    const key = await labKey();
    const { token } = await signLabAccessToken({ user: bob, key, now, ttlSeconds: 5 });
    expect(await verifyLabAccessToken(token, await labKey(), now)).toEqual({ ok: false, code: 'invalid_token' });
    // Even handed the lab's own public key, the app's verifier refuses the lab issuer, audience and typ.
    const real = await verifyAccessToken(token, { resolveKey: () => ({ kid: key.kid, alg: 'EdDSA', key: key.publicKey }), now });
    expect(real).toMatchObject({ ok: false, code: 'invalid_token' });
  });
});
