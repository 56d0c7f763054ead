import { test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { sealData } from 'iron-session';
import { SignJWT, decodeProtectedHeader, generateKeyPair } from 'jose';
import type { CookiePurpose } from '@/lib/http/cookies';
import {
  cookieHeader,
  expectRefusal,
  expectStoreUnchanged,
  logInAdmin,
  logInJwt,
  logInSession,
  nameOf,
  send,
  startAttackTarget,
  type AttackTarget,
  type OutgoingRequest,
} from './attack-helpers';

// Malformed, oversized and foreign cookies of every kind, each against a read and a state-changing
// route of that cookie: the exact refusal, no credential issued, and every Redis key as it was.
let target: AttackTarget;

test.beforeAll(async () => {
  target = await startAttackTarget();
});

test.afterAll(async () => {
  await target?.stop();
});

/** A seal the app would open, but made with a password this deployment never had. */
const sealWithAnotherPassword = () =>
  sealData({ sid: randomBytes(32).toString('base64url') }, { password: { '1': randomBytes(32).toString('base64url') }, ttl: 3600 });

/** A well-formed access token with the app's own kid, signed by a key the attacker made. */
async function signWithAnotherKey(genuine: string): Promise<string> {
  const { kid } = decodeProtectedHeader(genuine);
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ username: 'alice', role: 'admin' })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: kid! })
    .setIssuer('session-vs-jwt')
    .setAudience('session-vs-jwt-api')
    .setSubject('alice')
    .setJti(randomBytes(16).toString('base64url'))
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(privateKey);
}

/** Flips one character in the middle: still the right alphabet and length, no longer the right bytes. */
function tamper(value: string): string {
  const at = Math.floor(value.length / 2);
  const replacement = value[at] === 'A' ? 'B' : 'A';
  return value.slice(0, at) + replacement + value.slice(at + 1);
}

/** Every byte percent-encoded: a reader that decoded cookie values would get the genuine credential back. */
const percentEncodeAll = (value: string) => [...Buffer.from(value)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** UTF-8 bytes as node:http sends header bytes (latin1): a raw é on the wire. */
const NON_ASCII = Buffer.from('é☃', 'utf8').toString('latin1');

interface CookieKind {
  purpose: CookiePurpose;
  /** A genuine credential of this kind, fresh for each case. */
  genuine: () => Promise<string>;
  /** The same kind from elsewhere: another password's seal, another key's token, a token this store never issued. */
  foreign: (genuine: string) => Promise<string>;
  /** A read route and a state-changing route that take this cookie. */
  routes: readonly OutgoingRequest[];
  /** The code for a cookie that is present but does not open (empty and absent are `absent`). */
  invalid: string;
  /** The code when no usable cookie is there at all. */
  absent: string;
}

const KINDS: readonly CookieKind[] = [
  {
    purpose: 'session',
    genuine: () => logInSession(target),
    foreign: () => sealWithAnotherPassword(),
    routes: [
      { method: 'GET', path: '/api/session/me' },
      { method: 'POST', path: '/api/session/logout-all' },
    ],
    invalid: 'session_invalid',
    absent: 'unauthenticated',
  },
  {
    purpose: 'adminSession',
    genuine: () => logInAdmin(target),
    foreign: () => sealWithAnotherPassword(),
    routes: [
      { method: 'GET', path: '/api/admin/me' },
      { method: 'POST', path: '/api/admin/revoke', body: { username: 'alice' } },
    ],
    // Every failed admin check is the same 401: nothing tells an attacker which part failed.
    invalid: 'unauthenticated',
    absent: 'unauthenticated',
  },
  {
    purpose: 'accessToken',
    genuine: async () => (await logInJwt(target)).access,
    foreign: signWithAnotherKey,
    routes: [
      { method: 'GET', path: '/api/jwt/me' },
      { method: 'GET', path: '/api/jwt/inspect' },
    ],
    invalid: 'invalid_token',
    absent: 'unauthenticated',
  },
  {
    purpose: 'refreshToken',
    genuine: async () => (await logInJwt(target)).refresh,
    // Well-formed, 256 random bits: a token this store never issued.
    foreign: async () => randomBytes(32).toString('base64url'),
    routes: [
      { method: 'POST', path: '/api/jwt/refresh' },
      { method: 'GET', path: '/api/jwt/refresh' },
    ],
    invalid: 'refresh_invalid',
    absent: 'refresh_invalid',
  },
];

interface CookieCase {
  name: string;
  /** The Cookie header's pairs, given the kind and a genuine credential of it. */
  cookies: (kind: CookieKind, genuine: string) => Promise<[string, string][]>;
  expect: 'invalid' | 'absent';
}

const CASES: readonly CookieCase[] = [
  { name: 'empty', cookies: async (kind) => [[nameOf(kind.purpose), '']], expect: 'absent' },
  { name: 'garbage', cookies: async (kind) => [[nameOf(kind.purpose), 'garbage-not-a-credential']], expect: 'invalid' },
  { name: '10 kB', cookies: async (kind) => [[nameOf(kind.purpose), 'A'.repeat(10 * 1024)]], expect: 'invalid' },
  {
    name: 'wrong seal (one character changed)',
    cookies: async (kind, genuine) => [[nameOf(kind.purpose), tamper(genuine)]],
    expect: 'invalid',
  },
  {
    name: 'sealed with another password (signed by another key, never issued here)',
    cookies: async (kind, genuine) => [[nameOf(kind.purpose), await kind.foreign(genuine)]],
    expect: 'invalid',
  },
  {
    name: 'truncated',
    cookies: async (kind, genuine) => [[nameOf(kind.purpose), genuine.slice(0, genuine.length - 5)]],
    expect: 'invalid',
  },
  { name: 'non-ASCII', cookies: async (kind, genuine) => [[nameOf(kind.purpose), `${genuine}${NON_ASCII}`]], expect: 'invalid' },
  { name: 'percent-encoded', cookies: async (kind, genuine) => [[nameOf(kind.purpose), percentEncodeAll(genuine)]], expect: 'invalid' },
  {
    // Cookie tossing: a second cookie of the same name, planted so the browser sends it first.
    name: 'duplicated, the planted one first',
    cookies: async (kind, genuine) => [
      [nameOf(kind.purpose), 'planted'],
      [nameOf(kind.purpose), genuine],
    ],
    expect: 'absent',
  },
  {
    name: 'duplicated, the planted one last',
    cookies: async (kind, genuine) => [
      [nameOf(kind.purpose), genuine],
      [nameOf(kind.purpose), 'planted'],
    ],
    expect: 'absent',
  },
];

for (const kind of KINDS) {
  test.describe(`${kind.purpose} cookie`, () => {
    for (const attack of CASES) {
      test(`${attack.name}: refused with 401 ${kind[attack.expect]}, nothing issued, the store unchanged`, async () => {
        const genuine = await kind.genuine();
        const cookie = cookieHeader(await attack.cookies(kind, genuine));
        for (const route of kind.routes) {
          await expectStoreUnchanged(target, async () => {
            const answer = await send(target, { ...route, headers: { cookie } });
            expectRefusal(answer, 401, kind[attack.expect]);
          });
        }
      });
    }
  });
}
