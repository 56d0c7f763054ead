/**
 * Encryption at rest for the one private signing key the store holds (the current key's): anyone
 * who can read the store (a backup, a replica, a read-only token) must not be able to mint tokens.
 *
 * AES-256-GCM under a key derived with HKDF-SHA256 from SIGNING_KEY_SECRET, with a fresh random
 * 96-bit IV per seal (a key set is sealed once per rotation, far below GCM's random-IV limit). The
 * key's identity (kid, alg and public part) is the associated data, so a sealed private part copied
 * onto another record, or paired with another public key, fails to open instead of signing under
 * a name it does not belong to.
 *
 * Pure apart from node:crypto: the secret arrives as a parameter and is never logged or stored.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The identity a sealed private part is bound to. */
export interface SealBinding {
  kid: string;
  alg: string;
  x: string;
  y?: string | undefined;
}

export interface PrivateKeySeal {
  /** Encrypts a private JWK for the store: `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
  seal(privateJwk: object, binding: SealBinding): string;
  /** The private JWK, or null when it was sealed under another secret, for another key, or tampered with. */
  open(sealed: string, binding: SealBinding): Record<string, unknown> | null;
}

const FORMAT = 'v1';
/** Names what the derived key is for, so the same secret could never yield this key for another purpose. */
const HKDF_INFO = 'session-vs-jwt jwt:signing-keys private key v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function associatedData(binding: SealBinding): Buffer {
  return Buffer.from(JSON.stringify([FORMAT, binding.kid, binding.alg, binding.x, binding.y ?? null]));
}

export function createPrivateKeySeal(secret: string): PrivateKeySeal {
  // No salt: the secret is already high-entropy (>= 32 characters, checked in config), which is
  // the case RFC 5869 allows an empty salt for; `info` separates this use from any other.
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), HKDF_INFO, 32));
  return {
    seal(privateJwk, binding) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(binding));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(privateJwk), 'utf8'), cipher.final()]);
      return [FORMAT, iv, ciphertext, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, binding) {
      const [format, iv, ciphertext, tag, ...rest] = sealed.split('.');
      if (format !== FORMAT || iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(associatedData(binding));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
        const parsed: unknown = JSON.parse(plaintext);
        return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
      } catch {
        // Wrong secret, wrong record or tampered: GCM's tag check fails; all the same to the caller.
        return null;
      }
    },
  };
}
