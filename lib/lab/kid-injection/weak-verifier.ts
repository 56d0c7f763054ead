import { decodeToken, hs256Matches } from '../forgery/compact-jws';
import { acceptIfClaimsHold, refuse, type WeakVerification } from '../forgery/weak-verification';
import { readKeyFileNamedByKid, type KeyTree } from './key-tree';

/**
 * WRONG ON PURPOSE (lab case 8): HS256 with the key read from the file `kid` names. With
 * `kid: ../../dev/null` the key is empty, and the attacker can sign with an empty key too.
 * A correct verifier only accepts a short, well-formed `kid` found in its own key ring.
 */
export async function verifyWithKidPath(token: string, tree: KeyTree, now: number): Promise<WeakVerification> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  const { header, payload, signingInput, signature } = decoded.token;
  if (header.alg !== 'HS256') return refuse('this service verifies HS256 only');
  if (typeof header.kid !== 'string' || header.kid.length > 256) return refuse('the header has no usable kid');
  const file = readKeyFileNamedByKid(tree, header.kid);
  if (file.key === null) return refuse(`no key file at ${file.path}`);
  if (!(await hs256Matches(signingInput, signature, file.key))) return refuse(`bad signature for the key at ${file.path}`);
  return acceptIfClaimsHold(
    payload,
    now,
    `kid "${header.kid}" resolved to ${file.path} (${file.key.length} bytes), and the signature matched that key`,
  );
}
