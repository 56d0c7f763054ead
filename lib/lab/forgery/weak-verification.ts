import type { JsonObject } from './compact-jws';
import { checkLabClaims } from './lab-claims';
import type { LabUser } from './lab-users';

/** What a deliberately weak verifier concludes: the user it let in and why, or why it refused. */
export type WeakVerification = { ok: true; user: LabUser & JsonObject; acceptedBecause: string } | { ok: false; message: string };

export const refuse = (message: string): WeakVerification => ({ ok: false, message });

/** After a verifier's own (flawed) signature decision: the ordinary claim checks, then the verdict. */
export function acceptIfClaimsHold(
  payload: JsonObject,
  now: number,
  acceptedBecause: string,
  options?: Parameters<typeof checkLabClaims>[2],
): WeakVerification {
  const claims = checkLabClaims(payload, now, options);
  return claims.ok ? { ok: true, user: claims.user, acceptedBecause } : refuse(`signature step passed, but ${claims.message}`);
}

/** jose and WebCrypto throw on bad keys and bad input; a weak endpoint answers 401 for those, never 500. */
export function describeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message.slice(0, 200) : 'verification failed';
}
