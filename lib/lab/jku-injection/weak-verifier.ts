import { compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken } from '../forgery/compact-jws';
import { acceptIfClaimsHold, describeError, refuse, type WeakVerification } from '../forgery/weak-verification';

/** Fetches a key set; throws when it cannot (the glue enforces the loopback-only safety rail). */
export type KeySetFetcher = (url: string) => Promise<unknown>;

/**
 * WRONG ON PURPOSE (lab case 7): downloads the key set from the URL in the token's `jku` header
 * and verifies with the key named by `kid`. Whoever writes the token chooses the keys. A correct
 * verifier never fetches a URL a token names.
 */
export async function verifyWithKeySetFromJku(token: string, now: number, fetchKeySet: KeySetFetcher): Promise<WeakVerification> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  const { header, payload } = decoded.token;
  if (typeof header.jku !== 'string') return refuse('the header has no jku');
  if (typeof header.alg !== 'string') return refuse('the header has no alg');
  let keySet: unknown;
  try {
    keySet = await fetchKeySet(header.jku);
  } catch (error) {
    return refuse(`could not fetch the jku key set (${describeError(error)})`);
  }
  const keys = typeof keySet === 'object' && keySet !== null ? (keySet as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys)) return refuse('the jku document is not a JWKS');
  const jwk: unknown =
    keys.find((key: unknown) => typeof key === 'object' && key !== null && (key as { kid?: unknown }).kid === header.kid) ?? keys[0];
  if (typeof jwk !== 'object' || jwk === null) return refuse('the jku key set has no key');
  try {
    await compactVerify(token, await importJWK(jwk as JWK, header.alg));
  } catch (error) {
    return refuse(`the signature does not verify with the jku key (${describeError(error)})`);
  }
  return acceptIfClaimsHold(payload, now, `the signature verified with a key fetched from the token's own jku (${header.jku})`);
}
