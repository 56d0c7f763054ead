import { decodeToken } from '../forgery/compact-jws';
import { acceptIfClaimsHold, refuse, type WeakVerification } from '../forgery/weak-verification';

/**
 * WRONG ON PURPOSE (lab case 3): decodes the payload and believes it. The signature is split off
 * and never looked at, so anyone can edit `sub` or `role` and re-encode the payload.
 */
export function verifyWithoutSignature(token: string, now: number): WeakVerification {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  return acceptIfClaimsHold(decoded.token.payload, now, 'the payload was decoded and believed; the signature was never checked');
}
