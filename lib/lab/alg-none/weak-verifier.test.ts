import { describe, expect, it } from 'vitest';
import { verifyAlgFromHeader } from './weak-verifier';
import { encodeSegment, reencodeKeepingSignature, signHs256, utf8 } from '../forgery/compact-jws';
import {
  NOW,
  adminClaims,
  labKeyPair,
  labEdDsaToken,
  expectAdmin,
  expectRefused,
  expectRefusesGarbage,
} from '../forgery/weak-verifier-test-kit';

describe('case 4: alg none', () => {
  it('accepts an unsigned admin token whose header says none, in any letter case', async () => {
    const { publicKey } = await labKeyPair;
    for (const alg of ['none', 'NONE', 'nOnE']) {
      expectAdmin(await verifyAlgFromHeader(`${encodeSegment({ alg })}.${encodeSegment(adminClaims)}.`, publicKey, NOW));
    }
  });
  it('checks EdDSA tokens properly and refuses other algorithms and garbage', async () => {
    const { publicKey } = await labKeyPair;
    expect(await verifyAlgFromHeader(await labEdDsaToken(), publicKey, NOW)).toMatchObject({ ok: true, user: { sub: 'usr_alice' } });
    const tampered = reencodeKeepingSignature({ alg: 'EdDSA' }, adminClaims, await labEdDsaToken());
    expectRefused(await verifyAlgFromHeader(tampered, publicKey, NOW), 'bad EdDSA signature');
    expectRefused(await verifyAlgFromHeader(await signHs256({ alg: 'HS256' }, adminClaims, utf8('x')), publicKey, NOW), 'not HS256');
    await expectRefusesGarbage((token) => verifyAlgFromHeader(token, publicKey, NOW));
  });
});
