import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { signLabJwt, verifyLabJwt } from '../lifecycle/lab-jwt';
import { isStillAllowed, LONG_LIVED_TOKEN_LIFETIME_SECONDS, secondsLeft } from './long-lived-token';

const now = 1_700_000_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the long-lived lab token (weak on purpose)', () => {
  it('is still let in six days after it was issued, whatever happened meanwhile', async () => {
    const key = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const token = await signLabJwt({ sub: 'alice' }, key, LONG_LIVED_TOKEN_LIFETIME_SECONDS, now);
    const later = await verifyLabJwt(token, key.publicKey, now + 6 * DAY_MS);
    expect(isStillAllowed(later)).toBe(true);
    if (later.ok) expect(secondsLeft(later.claims, now + 6 * DAY_MS)).toBe(24 * 60 * 60);
    expect(isStillAllowed(await verifyLabJwt(token, key.publicKey, now + 8 * DAY_MS))).toBe(false);
  });
});
