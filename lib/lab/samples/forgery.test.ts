import { describe, expect, it } from 'vitest';
import { decodeToken } from '../forgery/compact-jws';
import { LAB_ISSUER } from '../lab-identity';
import { forgeryCredentialSamples } from './forgery';

describe('the token-forgery credential samples', () => {
  it('cover every forgery case with well-formed tokens, admin claims in each forged one', async () => {
    const samples = await forgeryCredentialSamples();
    expect(new Set(samples.map((sample) => sample.labCase))).toEqual(
      new Set([
        'unverified-claims',
        'alg-none',
        'weak-hmac-secret',
        'jwk-injection',
        'jku-injection',
        'kid-injection',
        'algorithm-confusion',
        'sensitive-payload',
      ]),
    );
    for (const sample of samples) {
      const decoded = decodeToken(sample.value);
      expect(decoded.ok, sample.description).toBe(true);
      if (!decoded.ok) continue;
      if (sample.description.startsWith('legitimate')) expect(decoded.token.payload.iss).toBe(LAB_ISSUER);
      else expect(decoded.token.payload).toMatchObject({ sub: 'usr_admin', role: 'admin' });
    }
  });
});
