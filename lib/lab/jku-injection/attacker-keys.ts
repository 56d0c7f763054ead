/**
 * The "attacker's web server" of lab case 7, hosted by the app itself so the attack stays on
 * loopback: public JWKs posted by the page, kept in memory, at most MAX_ATTACKER_KEYS of them,
 * each for ATTACKER_KEY_TTL_MS, served back as a JWKS.
 */
export const MAX_ATTACKER_KEYS = 100;
export const ATTACKER_KEY_TTL_MS = 10 * 60_000;
const MAX_JWK_JSON_LENGTH = 2_048;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export type PublicJwkCheck = { ok: true; jwk: Record<string, unknown> } | { ok: false; message: string };

/** A public EC, OKP or RSA JWK, small, with no private member: what an attacker would publish. */
export function checkAttackerJwk(value: unknown): PublicJwkCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'jwk must be a JSON object' };
  if (JSON.stringify(value).length > MAX_JWK_JSON_LENGTH) return { ok: false, message: 'jwk is too large' };
  const jwk = value as Record<string, unknown>;
  if (jwk.kty !== 'EC' && jwk.kty !== 'OKP' && jwk.kty !== 'RSA') return { ok: false, message: 'kty must be EC, OKP or RSA' };
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) return { ok: false, message: 'publish the public key only' };
  return { ok: true, jwk };
}

export interface AttackerKeyShelf {
  put(jwk: Record<string, unknown>, now: number): string;
  get(id: string, now: number): Record<string, unknown> | null;
}

export function createAttackerKeyShelf(newId: () => string): AttackerKeyShelf {
  const shelf = new Map<string, { jwk: Record<string, unknown>; expiresAt: number }>();
  const sweep = (now: number) => {
    for (const [id, entry] of shelf) if (entry.expiresAt <= now) shelf.delete(id);
  };
  return {
    put(jwk, now) {
      sweep(now);
      // Oldest first out: Map keeps insertion order.
      while (shelf.size >= MAX_ATTACKER_KEYS) shelf.delete(shelf.keys().next().value as string);
      const id = newId();
      shelf.set(id, { jwk, expiresAt: now + ATTACKER_KEY_TTL_MS });
      return id;
    },
    get(id, now) {
      const entry = shelf.get(id);
      return entry && entry.expiresAt > now ? entry.jwk : null;
    },
  };
}
