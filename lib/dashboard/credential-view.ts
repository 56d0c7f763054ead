/**
 * What the dashboard may show of a credential. The browser holds these cookies as HttpOnly, so page
 * scripts cannot read them; the dashboard's values come from the server. Echoing a full cookie
 * value to page scripts would undo HttpOnly (an XSS could fetch it), so the server only ever sends
 * back a redacted preview that cannot be replayed: the sealed blob cut short, the JWT without its
 * signature, the refresh token as a fingerprint.
 */
import { createHash } from 'node:crypto';

/** "Fe26.2*1*63ab0057…4Ww~2": enough to see the shape, far too little to replay. */
export function redactSeal(value: string): string {
  return value.length <= 24 ? '…' : `${value.slice(0, 16)}…${value.slice(-6)}`;
}

/** The signature part cut to its first characters: without it the token verifies nowhere. */
export function redactJwtSignature(token: string): string {
  const signature = token.split('.')[2] ?? '';
  return `${signature.slice(0, 6)}…`;
}

/** A short, stable, non-reversible handle for a secret (refresh token, session id). */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 12);
}
