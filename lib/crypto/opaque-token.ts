/**
 * Opaque secrets handed to a client (session ids, refresh tokens): 256 random bits, base64url.
 * The store never holds one of them, only its SHA-256 in hex: someone who can read the store
 * (a backup, a replica, `KEYS *`) learns nothing they could present. A fast hash is enough because
 * the secret already has 256 bits of entropy; there is nothing to brute-force.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 32 bytes = 256 bits from the CSPRNG. */
const OPAQUE_TOKEN_BYTES = 32;
/** base64url without padding of 32 bytes: exactly 43 characters. */
const OPAQUE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** SHA-256 in lowercase hex: the store key of a secret, and the public handle of a session. */
const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/;

export function generateOpaqueToken(): string {
  return randomBytes(OPAQUE_TOKEN_BYTES).toString('base64url');
}

/** Whether `value` has the shape of a token we issued; checked before any hashing or store access. */
export function isWellFormedOpaqueToken(value: unknown): value is string {
  return typeof value === 'string' && OPAQUE_TOKEN_PATTERN.test(value);
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `value` has the shape of a token's hash (a session handle in a URL, say). */
export function isWellFormedTokenHash(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_HASH_PATTERN.test(value);
}

/**
 * A 128-bit random identifier (an access token's `jti`, a refresh-token family): unique, but not a
 * secret on its own, so it is stored and shown as is.
 */
export function generateIdentifier(): string {
  return randomBytes(16).toString('base64url');
}
