import { jwtVerify, type CryptoKey } from 'jose';
import { LAB_AUDIENCE, LAB_ISSUER } from '../lab-identity';
import { decodeToken } from '../forgery/compact-jws';
import { acceptIfClaimsHold, describeError, refuse, type WeakVerification } from '../forgery/weak-verification';

/**
 * Lab case 16's verifier is correct (EdDSA pinned, lab key, issuer, audience): the mistake is what
 * the token carries, not how it is checked. It answers with every claim, as a careless API would.
 */
export async function verifyLabToken(token: string, labPublicKey: CryptoKey, now: number): Promise<WeakVerification> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  try {
    await jwtVerify(token, labPublicKey, { algorithms: ['EdDSA'], issuer: LAB_ISSUER, audience: LAB_AUDIENCE, currentDate: new Date(now) });
  } catch (error) {
    return refuse(`not a valid lab token (${describeError(error)})`);
  }
  return acceptIfClaimsHold(decoded.token.payload, now, 'a correctly signed lab token; its payload holds the email and the password hash');
}
