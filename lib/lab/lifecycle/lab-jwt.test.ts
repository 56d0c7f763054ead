import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { signLabJwt, verifyLabJwt } from './lab-jwt';

const now = 1_700_000_000_000;

describe('lab JWTs', () => {
  it('verify with their own key until they expire', async () => {
    const key = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const token = await signLabJwt({ sub: 'alice' }, key, 60, now);
    expect(await verifyLabJwt(token, key.publicKey, now + 59_000)).toMatchObject({ ok: true, claims: { sub: 'alice' } });
    expect((await verifyLabJwt(token, key.publicKey, now + 61_000)).ok).toBe(false);
  });

  it('are refused under another key', async () => {
    const key = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const token = await signLabJwt({ sub: 'alice' }, key, 60, now);
    expect((await verifyLabJwt(token, other.publicKey, now)).ok).toBe(false);
    expect((await verifyLabJwt('garbage', key.publicKey, now)).ok).toBe(false);
  });
});
