import { compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken } from '../forgery/compact-jws';
import { acceptIfClaimsHold, describeError, refuse, type WeakVerification } from '../forgery/weak-verification';

/**
 * WRONG ON PURPOSE (lab case 6): verifies the signature with the public key the token carries in
 * its own `jwk` header. The signature then proves only that the sender holds *some* key pair,
 * which anyone can make. A correct verifier looks keys up in its own key ring.
 */
export async function verifyWithEmbeddedJwk(token: string, now: number): Promise<WeakVerification> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  const { header, payload } = decoded.token;
  const jwk = header.jwk;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return refuse('the header carries no jwk');
  if (typeof header.alg !== 'string') return refuse('the header has no alg');
  try {
    const key = await importJWK(jwk as JWK, header.alg);
    await compactVerify(token, key);
  } catch (error) {
    return refuse(`the signature does not verify with the embedded jwk (${describeError(error)})`);
  }
  return acceptIfClaimsHold(payload, now, 'the signature verified with the jwk the token carried in its own header');
}
