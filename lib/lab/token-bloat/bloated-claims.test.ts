import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { signLabJwt } from '../lifecycle/lab-jwt';
import { bloatedClaims, cookiePairBytes, exceedsBrowserCookieLimit, MAX_EXTRA_CLAIMS, parseClaimCount } from './bloated-claims';

describe('bloated lab tokens', () => {
  it('grow with every claim and cross the browser cookie limit inside the slider range', async () => {
    const key = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const small = await signLabJwt({ sub: 'alice', ...bloatedClaims(2) }, key, 3600, 0);
    const large = await signLabJwt({ sub: 'alice', ...bloatedClaims(MAX_EXTRA_CLAIMS) }, key, 3600, 0);
    expect(cookiePairBytes('lab_fat_jwt', small)).toBeLessThan(1000);
    expect(exceedsBrowserCookieLimit('lab_fat_jwt', small)).toBe(false);
    expect(exceedsBrowserCookieLimit('lab_fat_jwt', large)).toBe(true);
  });

  it('names each claim once', () => {
    expect(Object.keys(bloatedClaims(50))).toHaveLength(50);
    expect(bloatedClaims(0)).toEqual({});
  });

  it('accepts only whole counts in range', () => {
    expect(parseClaimCount(10)).toBe(10);
    expect(parseClaimCount(-1)).toBeNull();
    expect(parseClaimCount(MAX_EXTRA_CLAIMS + 1)).toBeNull();
    expect(parseClaimCount(2.5)).toBeNull();
    expect(parseClaimCount('10')).toBeNull();
  });
});
