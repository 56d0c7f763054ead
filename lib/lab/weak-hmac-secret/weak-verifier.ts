import { decodeToken, hs256Matches, utf8 } from '../forgery/compact-jws';
import { acceptIfClaimsHold, refuse, type WeakVerification } from '../forgery/weak-verification';
import { LAB_SECRET_WORDS } from './word-list';

/** The word this process signs with, drawn once from the list (`random` in [0, 1)). */
export function pickLabSecretWord(random: () => number = Math.random): string {
  const index = Math.min(LAB_SECRET_WORDS.length - 1, Math.floor(random() * LAB_SECRET_WORDS.length));
  return LAB_SECRET_WORDS[index] as string;
}

/**
 * WRONG ON PURPOSE (lab case 5), in one place only: the HS256 check itself is correct (algorithm
 * pinned, constant-time comparison), but the secret is a dictionary word, so one captured token
 * lets anyone test guesses offline until a signature matches, then sign whatever they like.
 */
export async function verifyWithWordSecret(token: string, secretWord: string, now: number): Promise<WeakVerification> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return refuse(decoded.message);
  const { header, payload, signingInput, signature } = decoded.token;
  if (header.alg !== 'HS256') return refuse('this service verifies HS256 only');
  if (!(await hs256Matches(signingInput, signature, utf8(secretWord)))) return refuse('bad HS256 signature');
  return acceptIfClaimsHold(payload, now, 'the HS256 signature matched the shared secret, which is a dictionary word');
}
