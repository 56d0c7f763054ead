import { sealData, unsealData } from 'iron-session';
import { isWellFormedOpaqueToken } from '@/lib/crypto/opaque-token';

/**
 * The session cookie's value: an iron-session seal (AES-256-CBC + HMAC-SHA256) of `{ sid }` and
 * nothing else. Sealing an id that is random anyway still earns its keep: a forged or truncated
 * cookie is rejected by the HMAC before any store lookup, and the seal carries its own expiry.
 */
export type SessionPasswords = Record<string, string>;

/** Browsers cap a cookie at 4096 bytes; anything longer was not made by us. */
export const MAX_SESSION_COOKIE_LENGTH = 4096;

export type UnsealResult =
  | { ok: true; sessionId: string }
  | {
      ok: false;
      code: 'session_invalid' | 'session_expired';
      reason: 'missing' | 'oversized' | 'malformed' | 'invalid' | 'expired' | 'unknown-password';
    };

export function sealSessionId(sessionId: string, passwords: SessionPasswords, ttlSeconds: number): Promise<string> {
  return sealData({ sid: sessionId }, { password: passwords, ttl: ttlSeconds });
}

export async function unsealSessionId(
  cookieValue: string | undefined,
  passwords: SessionPasswords,
  ttlSeconds: number,
): Promise<UnsealResult> {
  if (cookieValue === undefined || cookieValue === '') return { ok: false, code: 'session_invalid', reason: 'missing' };
  if (cookieValue.length > MAX_SESSION_COOKIE_LENGTH) return { ok: false, code: 'session_invalid', reason: 'oversized' };
  // Cheap shape check before any crypto: iron seals are "Fe26.2*" followed by * separated fields.
  if (!/^Fe26\.2\*[A-Za-z0-9*_~-]+$/.test(cookieValue)) return { ok: false, code: 'session_invalid', reason: 'malformed' };
  let failure: 'invalid' | 'expired' | 'unknown-password' | null = null;
  let data: unknown;
  try {
    data = await unsealData<unknown>(cookieValue, {
      password: passwords,
      ttl: ttlSeconds,
      onUnsealError: (reason) => {
        failure = reason;
      },
    });
  } catch {
    return { ok: false, code: 'session_invalid', reason: 'invalid' };
  }
  if (failure === 'expired') return { ok: false, code: 'session_expired', reason: 'expired' };
  if (failure !== null) return { ok: false, code: 'session_invalid', reason: failure };
  const sid = (data as { sid?: unknown } | null)?.sid;
  if (!isWellFormedOpaqueToken(sid)) return { ok: false, code: 'session_invalid', reason: 'invalid' };
  return { ok: true, sessionId: sid };
}
