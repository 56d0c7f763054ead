/**
 * Imported keys, ready to sign and verify without touching the store: what each process caches.
 * Only keys that are not retired are in `verificationKeys`, so a retired `kid` fails to resolve.
 */
import { importJWK } from 'jose';
import type { SigningAlgorithm, SigningKeySet } from './signing-keys';

export interface VerificationKey {
  kid: string;
  alg: SigningAlgorithm;
  key: CryptoKey;
}

/** The current key, with its private part: signs new tokens. */
export type SigningKey = VerificationKey;

export interface KeyRing {
  version: number;
  signingKey: SigningKey;
  verificationKeys: ReadonlyMap<string, VerificationKey>;
}

async function importKey(jwk: object, alg: SigningAlgorithm): Promise<CryptoKey> {
  const key = await importJWK({ ...jwk }, alg);
  if (!(key instanceof CryptoKey)) throw new Error('expected an asymmetric key, got raw bytes');
  return key;
}

export async function createKeyRing(keySet: SigningKeySet): Promise<KeyRing> {
  const current = keySet.keys.find((key) => key.status === 'current');
  if (!current?.privateJwk) throw new Error('the signing key set has no current key with a private part');
  const verificationKeys = new Map<string, VerificationKey>();
  for (const record of keySet.keys) {
    if (record.status === 'retired') continue;
    const { kty, crv, x, y } = record.publicJwk;
    verificationKeys.set(record.kid, {
      kid: record.kid,
      alg: record.alg,
      key: await importKey(y === undefined ? { kty, crv, x } : { kty, crv, x, y }, record.alg),
    });
  }
  return {
    version: keySet.version,
    signingKey: { kid: current.kid, alg: current.alg, key: await importKey(current.privateJwk, current.alg) },
    verificationKeys,
  };
}
