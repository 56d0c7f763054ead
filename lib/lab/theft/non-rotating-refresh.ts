/**
 * The theft demo's weak variant: a refresh token that is never rotated. It is issued once at
 * sign-in and the same value is accepted again and again until it expires, so whoever copies it
 * (malware on the device, a leaked log) refreshes alongside its owner for as long as it lives,
 * and nothing can ever notice two holders. Wrong on purpose; the real flow is lib/jwt/refresh-token.ts.
 *
 * Tokens look like `labrt.{43 base64url}` so the app's own refresh endpoint refuses them on
 * shape alone (refresh_invalid). Only their SHA-256 is kept, in this process's memory.
 */
import { generateOpaqueToken, hashOpaqueToken } from '@/lib/crypto/opaque-token';
import type { User } from '@/lib/users/users';

/** How long a lab refresh token lives: long, as the mistake usually goes, but bounded by the process anyway. */
export const LAB_REFRESH_LIFETIME_SECONDS = 24 * 60 * 60;
/** The most tokens the lab keeps: a loop of sign-ins cannot grow memory without bound (the oldest go first). */
export const MAX_LAB_REFRESH_TOKENS = 500;

const LAB_REFRESH_PATTERN = /^labrt\.[A-Za-z0-9_-]{43}$/;

interface LabRefreshEntry {
  user: User;
  expiresAt: number;
  /** How many times it has been presented: the page shows it climbing in both windows. */
  uses: number;
}

export interface NonRotatingRefreshStore {
  issue(user: User, now: number): { token: string; expiresAt: number };
  /** The user the token stands for, and how often it has been used; the token itself is unchanged. */
  use(token: string, now: number): { ok: true; user: User; uses: number } | { ok: false; code: 'refresh_invalid' | 'refresh_expired' };
}

export function createNonRotatingRefreshStore(): NonRotatingRefreshStore {
  // A Map keeps insertion order, so its first key is the oldest token.
  const entries = new Map<string, LabRefreshEntry>();
  return {
    issue(user, now) {
      const token = `labrt.${generateOpaqueToken()}`;
      const expiresAt = now + LAB_REFRESH_LIFETIME_SECONDS * 1000;
      entries.set(hashOpaqueToken(token), { user, expiresAt, uses: 0 });
      while (entries.size > MAX_LAB_REFRESH_TOKENS) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return { token, expiresAt };
    },
    use(token, now) {
      if (!LAB_REFRESH_PATTERN.test(token)) return { ok: false, code: 'refresh_invalid' };
      const key = hashOpaqueToken(token);
      const entry = entries.get(key);
      if (entry === undefined) return { ok: false, code: 'refresh_invalid' };
      if (now >= entry.expiresAt) {
        entries.delete(key);
        return { ok: false, code: 'refresh_expired' };
      }
      // The mistake: no successor, no family, no record of who presented it before.
      entry.uses += 1;
      return { ok: true, user: entry.user, uses: entry.uses };
    },
  };
}
