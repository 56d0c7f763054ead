/**
 * Every cookie the attack lab sets, in one table, beside the app's own (lib/http/cookies.ts) and
 * written by the same serializer. Each name starts with `lab_`, which no real cookie does, and no
 * real reader ever asks for one: a lab cookie can only ever reach a lab endpoint. Flags are left
 * out on purpose where the case is about that flag; `why` says which.
 */
import { readCookieValue, serializeCookie, type CookieLine } from '@/lib/http/cookies';

export const LAB_COOKIE_PREFIX = 'lab_';

export interface LabCookieSpec {
  name: `lab_${string}`;
  /** The attributes it is set with, weak on purpose where the case needs it. */
  attributes: Omit<CookieLine, 'maxAgeSeconds'>;
  why: string;
}

export type LabCookiePurpose =
  'longLivedJwt' | 'flaglessSession' | 'flaglessSessionNone' | 'statelessSession' | 'fixationSession' | 'bloatedJwt' | 'theftRefresh';

export const LAB_COOKIES: Readonly<Record<LabCookiePurpose, LabCookieSpec>> = {
  longLivedJwt: {
    name: 'lab_long_jwt',
    attributes: { path: '/api/lab', httpOnly: true, sameSite: 'Lax', secure: false },
    why: 'Case 1: a JWT that stays valid for days and has no refresh story.',
  },
  flaglessSession: {
    name: 'lab_flagless',
    // No HttpOnly, no Secure, no SameSite: the mistake case 10 shows.
    attributes: { path: '/', httpOnly: false, sameSite: null, secure: false },
    why: 'Case 10: a session cookie set with none of the three flags.',
  },
  flaglessSessionNone: {
    name: 'lab_flagless_none',
    // SameSite=None spelled out: what every browser did by default before 2020, and what many
    // sites set on purpose. None demands Secure, which browsers accept over http on loopback.
    attributes: { path: '/', httpOnly: false, sameSite: 'None', secure: true },
    why: 'Case 10: the same flagless session with SameSite=None, so cross-site forms always carry it.',
  },
  statelessSession: {
    name: 'lab_stateless_session',
    attributes: { path: '/api/lab', httpOnly: true, sameSite: 'Lax', secure: false },
    why: 'Case 14: a sealed cookie that holds the user itself, so logging out cannot end it.',
  },
  fixationSession: {
    name: 'lab_fixation_sid',
    attributes: { path: '/api/lab', httpOnly: true, sameSite: 'Lax', secure: false },
    why: 'Case 15: a session id that survives login and is predictable.',
  },
  bloatedJwt: {
    name: 'lab_fat_jwt',
    attributes: { path: '/', httpOnly: true, sameSite: 'Lax', secure: false },
    why: 'Case 11: a JWT with claims added until the browser drops the cookie.',
  },
  theftRefresh: {
    name: 'lab_theft_refresh',
    attributes: { path: '/api/lab', httpOnly: true, sameSite: 'Strict', secure: false },
    why: 'The theft demo: a refresh token that is never rotated.',
  },
};

export function setLabCookieHeader(purpose: LabCookiePurpose, value: string, maxAgeSeconds: number): string {
  const spec = LAB_COOKIES[purpose];
  return serializeCookie(spec.name, value, { ...spec.attributes, maxAgeSeconds });
}

export function clearLabCookieHeader(purpose: LabCookiePurpose): string {
  return setLabCookieHeader(purpose, '', 0);
}

/** The value of a lab cookie in a Cookie header, by the app's one reading rule (a duplicate name counts as absent). */
export function readLabCookie(cookieHeader: string | null, purpose: LabCookiePurpose): string | null {
  return readCookieValue(cookieHeader, LAB_COOKIES[purpose].name);
}
