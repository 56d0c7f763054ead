import { exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyWithEmbeddedJwk } from './weak-verifier';
import { makeAttackerKeyPair, signEs256 } from '../forgery/compact-jws';
import {
  NOW,
  aliceClaims,
  adminClaims,
  labKeyPair,
  labEdDsaToken,
  expectAdmin,
  expectRefused,
  expectRefusesGarbage,
} from '../forgery/weak-verifier-test-kit';

describe('case 6: jwk injection', () => {
  it('accepts an admin token signed by any key pair that embeds its public half', async () => {
    const { privateKey, publicJwk } = await makeAttackerKeyPair();
    expectAdmin(await verifyWithEmbeddedJwk(await signEs256({ alg: 'ES256', jwk: publicJwk }, adminClaims, privateKey), NOW));
  });
  it('verifies the legitimate embedded-key token and refuses a signature by another key, and garbage', async () => {
    const labJwk = await exportJWK((await labKeyPair).publicKey);
    expect((await verifyWithEmbeddedJwk(await labEdDsaToken(aliceClaims, { jwk: labJwk }), NOW)).ok).toBe(true);
    const attacker = await makeAttackerKeyPair();
    const other = await makeAttackerKeyPair();
    expectRefused(
      await verifyWithEmbeddedJwk(await signEs256({ alg: 'ES256', jwk: other.publicJwk }, adminClaims, attacker.privateKey), NOW),
      'does not verify',
    );
    expectRefused(await verifyWithEmbeddedJwk(await labEdDsaToken(), NOW), 'no jwk');
    await expectRefusesGarbage((token) => verifyWithEmbeddedJwk(token, NOW));
  });
});
