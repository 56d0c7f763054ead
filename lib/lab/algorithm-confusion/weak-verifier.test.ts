import { exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyWithUnpinnedPublicKey } from './weak-verifier';
import { signHs256, utf8 } from '../forgery/compact-jws';
import { withAdminClaims } from '../forgery/lab-users';
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

describe('case 9: algorithm confusion', () => {
  it('accepts an HS256 admin token keyed with the published JWKS text, and verifies EdDSA with the published key', async () => {
    const jwk = { ...(await exportJWK((await labKeyPair).publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    const jwksText = JSON.stringify({ keys: [jwk] });
    const realClaims = { ...aliceClaims, iss: 'session-vs-jwt', aud: 'session-vs-jwt-api' };
    expectAdmin(
      await verifyWithUnpinnedPublicKey(await signHs256({ alg: 'HS256' }, withAdminClaims(realClaims), utf8(jwksText)), jwksText, NOW),
    );
    expect((await verifyWithUnpinnedPublicKey(await labEdDsaToken(realClaims, { kid: 'k1' }), jwksText, NOW)).ok).toBe(true);
    expectRefused(await verifyWithUnpinnedPublicKey(await labEdDsaToken(realClaims, { kid: 'k2' }), jwksText, NOW), 'no published key');
    expectRefused(await verifyWithUnpinnedPublicKey(await signHs256({ alg: 'HS256' }, adminClaims, utf8(`${jwksText} `)), jwksText, NOW));
    await expectRefusesGarbage((token) => verifyWithUnpinnedPublicKey(token, jwksText, NOW));
    await expectRefusesGarbage((token) => verifyWithUnpinnedPublicKey(token, 'not json', NOW));
  });
});
