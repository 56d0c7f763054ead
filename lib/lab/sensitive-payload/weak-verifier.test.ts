import { describe, expect, it } from 'vitest';
import { verifyLabToken } from './weak-verifier';
import { encodeSegment, reencodeKeepingSignature } from '../forgery/compact-jws';
import {
  NOW,
  aliceClaims,
  adminClaims,
  labKeyPair,
  labEdDsaToken,
  expectRefused,
  expectRefusesGarbage,
} from '../forgery/weak-verifier-test-kit';

describe('case 16: sensitive payload', () => {
  it('verifies lab tokens correctly and answers with every claim', async () => {
    const { publicKey } = await labKeyPair;
    const token = await labEdDsaToken({ ...aliceClaims, email: 'alice@example.com', passwordHash: '$scrypt$x' });
    expect(await verifyLabToken(token, publicKey, NOW)).toMatchObject({
      ok: true,
      user: { email: 'alice@example.com', passwordHash: '$scrypt$x' },
    });
    expectRefused(await verifyLabToken(reencodeKeepingSignature({ alg: 'EdDSA' }, adminClaims, token), publicKey, NOW));
    expectRefused(await verifyLabToken(`${encodeSegment({ alg: 'none' })}.${encodeSegment(adminClaims)}.`, publicKey, NOW));
    await expectRefusesGarbage((token) => verifyLabToken(token, publicKey, NOW));
  });
});
