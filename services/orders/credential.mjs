// @ts-check
/**
 * Which credential a request carries, read from its headers only. The cookie names are the app's
 * (lib/http/cookies.ts): `__Host-` names over https, plain names over http, both accepted here
 * because the service cannot know which scheme the browser used in front of the balancer.
 */

const ACCESS_TOKEN_COOKIES = ['__Host-access-token', 'access-token'];
const SESSION_COOKIES = ['__Host-session', 'session'];
const BEARER_PATTERN = /^Bearer +([^\s]+) *$/i;

/**
 * @typedef {{ kind: 'access-token', token: string, from: 'bearer' | 'cookie' }
 *   | { kind: 'malformed-authorization' }
 *   | { kind: 'session-cookie-only' }
 *   | { kind: 'none' }} Credential
 */

/**
 * Counts each cookie of interest in a Cookie header. A name sent twice counts as absent, as in the
 * app (readCookieValue): a second cookie of the same name may have been planted beside ours, and
 * picking either one would let the attacker choose.
 *
 * @param {string} cookieHeader
 * @returns {Map<string, string | null>} name -> value, or null when sent more than once or empty
 */
function readCookies(cookieHeader) {
  /** @type {Map<string, string | null>} */
  const found = new Map();
  for (const pair of cookieHeader.split(';')) {
    const index = pair.indexOf('=');
    if (index === -1) continue;
    const name = pair.slice(0, index).trim();
    if (!ACCESS_TOKEN_COOKIES.includes(name) && !SESSION_COOKIES.includes(name)) continue;
    const value = pair.slice(index + 1).trim();
    found.set(name, found.has(name) || value === '' ? null : value);
  }
  return found;
}

/**
 * The credential in a request: `Authorization: Bearer` first, else an access-token cookie, else
 * whether a session cookie came alone (so the refusal can say why it is not enough).
 *
 * @example
 * readCredential('Bearer eyJ...', undefined) // { kind: 'access-token', token: 'eyJ...', from: 'bearer' }
 * @param {string | undefined} authorization
 * @param {string | undefined} cookieHeader
 * @returns {Credential}
 */
export function readCredential(authorization, cookieHeader) {
  if (authorization !== undefined && authorization !== '') {
    const match = BEARER_PATTERN.exec(authorization);
    return match?.[1] ? { kind: 'access-token', token: match[1], from: 'bearer' } : { kind: 'malformed-authorization' };
  }
  if (!cookieHeader) return { kind: 'none' };
  const cookies = readCookies(cookieHeader);
  for (const name of ACCESS_TOKEN_COOKIES) {
    const token = cookies.get(name);
    if (token) return { kind: 'access-token', token, from: 'cookie' };
  }
  return SESSION_COOKIES.some((name) => cookies.get(name)) ? { kind: 'session-cookie-only' } : { kind: 'none' };
}
