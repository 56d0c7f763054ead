import { compactVerify, type CryptoKey } from 'jose';
import { decodeToken } from '../forgery/compact-jws';
import { acceptIfClaimsHold, describeError, refuse, type WeakVerification } from '../forgery/weak-verification';

/**
 * WRONG ON PURPOSE (lab case 4): the token's own header picks the algorithm, and `none` (in any
 * letter case, as some libraries once compared it) means "nothing to check". A correct verifier
 * takes the algorithm from its key and never lets the token choose.
 */
export async function verifyAlgFromHeader(token: string, labPublicKey: CryptoKey, now: number): Promise<WeakVerification> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  const { header, payload } = decoded.token;
  if (typeof header.alg !== 'string') return refuse('the header has no alg');
  if (header.alg.toLowerCase() === 'none') {
    return acceptIfClaimsHold(payload, now, `the header said alg "${header.alg}", so no signature was checked`);
  }
  if (header.alg !== 'EdDSA') return refuse(`this service knows EdDSA and none, not ${header.alg}`);
  try {
    await compactVerify(token, labPublicKey, { algorithms: ['EdDSA'] });
  } catch (error) {
    return refuse(`bad EdDSA signature (${describeError(error)})`);
  }
  return acceptIfClaimsHold(payload, now, 'the header said EdDSA and the lab key verified the signature');
}
