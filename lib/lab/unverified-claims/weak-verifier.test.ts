import { describe, it } from 'vitest';
import { verifyWithoutSignature } from './weak-verifier';
import { reencodeKeepingSignature } from '../forgery/compact-jws';
import { NOW, adminClaims, labEdDsaToken, expectAdmin, expectRefused, expectRefusesGarbage } from '../forgery/weak-verifier-test-kit';

describe('case 3: unverified claims', () => {
  it('believes an edited payload under the old signature', async () => {
    const forged = reencodeKeepingSignature({ alg: 'EdDSA' }, adminClaims, await labEdDsaToken());
    expectAdmin(verifyWithoutSignature(forged, NOW));
  });
  it('still refuses expired claims and garbage', async () => {
    expectRefused(verifyWithoutSignature(await labEdDsaToken(), NOW + 3_600_000), 'expired');
    await expectRefusesGarbage((token) => verifyWithoutSignature(token, NOW));
  });
});
