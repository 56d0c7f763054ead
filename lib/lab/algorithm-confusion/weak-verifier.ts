import { compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken, hs256Matches, utf8 } from '../forgery/compact-jws';
import { acceptIfClaimsHold, describeError, refuse, type WeakVerification } from '../forgery/weak-verification';

/**
 * WRONG ON PURPOSE (lab case 9): a service that was handed "the public key" (the app's published
 * JWKS, as text) and passes it to whatever algorithm the token names. For EdDSA that is right; for
 * HS256 the public text becomes the HMAC secret, and everyone can read it. A correct verifier pins
 * the algorithm to the key's own.
 *
 * It reads the app's own tokens, so it checks their issuer by key, not by the lab's issuer claim.
 */
export async function verifyWithUnpinnedPublicKey(token: string, publishedJwksText: string, now: number): Promise<WeakVerification> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  const { header, payload, signingInput, signature } = decoded.token;
  if (header.alg === 'HS256') {
    if (!(await hs256Matches(signingInput, signature, utf8(publishedJwksText))))
      return refuse('bad HS256 signature for the public key bytes');
    return acceptIfClaimsHold(payload, now, 'alg was HS256, so the public JWKS text was used as the HMAC secret', { issuer: null });
  }
  if (header.alg !== 'EdDSA' && header.alg !== 'ES256') return refuse(`unsupported alg ${String(header.alg)}`);
  try {
    const keys = (JSON.parse(publishedJwksText) as { keys?: JWK[] }).keys ?? [];
    const jwk = keys.find((key) => key.kid === header.kid);
    if (jwk === undefined) return refuse('no published key has that kid');
    await compactVerify(token, await importJWK(jwk, header.alg));
  } catch (error) {
    return refuse(`bad ${header.alg} signature (${describeError(error)})`);
  }
  return acceptIfClaimsHold(payload, now, `alg was ${header.alg} and the published public key verified it`, { issuer: null });
}
