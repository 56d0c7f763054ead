import { generateKeyPair, type CryptoKey } from 'jose';

/**
 * WRONG ON PURPOSE: the weak lab signs with one key for ever, with no `kid`. Tokens cannot say
 * which key made them, so a verifier can only know one key: replacing it makes every token
 * issued so far fail at once (everybody is logged out). That cost is why such keys never rotate,
 * and why a key that leaked keeps working for the attacker.
 */
export interface ForeverKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export function makeForeverKey(): Promise<ForeverKey> {
  return generateKeyPair('EdDSA', { crv: 'Ed25519' });
}
