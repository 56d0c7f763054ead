/** Test helpers: a key ring built from freshly generated keys, no store involved. */
import { createKeyRing, type KeyRing } from './key-ring';
import { randomBytes } from 'node:crypto';
import { createPrivateKeySeal } from './private-key-seal';
import { generateSigningKey, type SigningKeySet } from './signing-keys';

export const FIXED_NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** A seal under a secret made for this test run (never committed). */
export const TEST_SEAL = createPrivateKeySeal(randomBytes(32).toString('base64url'));

export async function makeKeyRing(now: number = FIXED_NOW): Promise<{ ring: KeyRing; keySet: SigningKeySet }> {
  const keySet: SigningKeySet = { keys: [await generateSigningKey(now)], version: 1 };
  return { ring: await createKeyRing(keySet), keySet };
}
