import 'server-only';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/**
 * The lab's own signing key: an Ed25519 pair made once per process and never stored, so nothing
 * the lab signs can verify against the app's key ring, and a restart forgets every lab token.
 * Cases whose weakness is the key itself (a guessable HMAC secret, an attacker's key) make their
 * own material; this is the key for lab tokens that are weak for some other reason.
 */
export const LAB_KEY_ID = 'lab-ed25519';

interface LabKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtLabKey?: Promise<LabKey> };

async function makeLabKey(): Promise<LabKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid: LAB_KEY_ID, alg: 'EdDSA', use: 'sig' } };
}

export function labSigningKey(): Promise<LabKey> {
  globalForLab.__sessionVsJwtLabKey ??= makeLabKey();
  return globalForLab.__sessionVsJwtLabKey;
}
