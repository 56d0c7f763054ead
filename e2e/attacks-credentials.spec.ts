import { createPrivateKey, sign as cryptoSign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { sealData } from 'iron-session';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload, type JWTHeaderParameters } from 'jose';
import { cookieName, type CookiePurpose } from '@/lib/http/cookies';
import { MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';
import {
  adminCookie,
  cookieHeader,
  expectNoCredentialIssued,
  expectRefusal,
  expectStoreUnchanged,
  issuedCookie,
  jwsPart,
  logIn,
  openCurrentSigningKey,
  send,
  startAttackTarget,
  tokenLogin,
  type AttackTarget,
} from './attack-target';

/**
 * Attacks with credentials: malformed and oversized cookies of every purpose, and forged access
 * tokens, each sent as Bearer and as cookie. Every case: the exact status and error code, no
 * credential issued, and every key of the store unchanged.
 */
let target: AttackTarget;
/** Real credentials of mallory (a plain user), used as the base of truncations and bit flips. */
let real: Record<CookiePurpose, string>;
let currentKid: string;
/** mallory's user id, as her genuine token names it in `sub`. */
let malloryId: string;
let jwksText: string;
/** The attacker's JWKS server for `jku` / `x5u`: it must never be fetched. */
let attackerServer: Server;
let attackerFetches = 0;
let attackerUrl: string;
let attacker: { privateKey: CryptoKey; publicJwk: Record<string, unknown> };

/** The first (current) key's kid in a JWKS document. */
function firstKid(jwks: string): string {
  const kid = (JSON.parse(jwks) as { keys: { kid?: string }[] }).keys[0]?.kid;
  if (kid === undefined) throw new Error('the JWKS lists no key');
  return kid;
}

test.beforeAll(async () => {
  target = await startAttackTarget('e2e-attacks-credentials');
  const mallory = target.user(0);
  const session = issuedCookie(await logIn(target, '/api/session/login', mallory), 'session');
  const admin = issuedCookie(await logIn(target, '/api/admin/login', target.admin), 'adminSession');
  const jwt = await logIn(target, '/api/jwt/login', mallory);
  const accessToken = issuedCookie(jwt, 'accessToken');
  const refreshToken = issuedCookie(jwt, 'refreshToken');
  if (!session || !admin || !accessToken || !refreshToken) throw new Error('a login set no cookie');
  real = { session, adminSession: admin, accessToken, refreshToken };
  malloryId = (JSON.parse(jwsPart(accessToken, 1).toString()) as { sub: string }).sub;
  jwksText = await (await send(target, 'GET', '/.well-known/jwks.json')).text();
  currentKid = firstKid(jwksText);

  const pair = await generateKeyPair('EdDSA', { extractable: true });
  attacker = {
    privateKey: pair.privateKey,
    publicJwk: { ...(await exportJWK(pair.publicKey)), kid: 'attacker', alg: 'EdDSA', use: 'sig' },
  };
  attackerServer = createServer((_, response) => {
    attackerFetches += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [attacker.publicJwk] }));
  });
  await new Promise<void>((resolve) => attackerServer.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attackerServer.address() as AddressInfo).port}/jwks.json`;
});

test.afterAll(async () => {
  await target?.stop();
  if (attackerServer) await new Promise((resolve) => attackerServer.close(resolve));
});

// ---------------------------------------------------------------------------------------------
// Malformed and oversized cookies
// ---------------------------------------------------------------------------------------------

/** Where each cookie is checked, and the refusal a bad value of it gets. */
const COOKIE_TARGETS: Record<CookiePurpose, { method: string; path: string; status: number; code: string }> = {
  session: { method: 'GET', path: '/api/session/me', status: 401, code: 'session_invalid' },
  adminSession: { method: 'GET', path: '/api/admin/me', status: 401, code: 'unauthenticated' },
  accessToken: { method: 'GET', path: '/api/jwt/me', status: 401, code: 'invalid_token' },
  refreshToken: { method: 'POST', path: '/api/jwt/refresh', status: 401, code: 'refresh_invalid' },
};

/** Bad values, each built from the purpose's real value where that makes the attack sharper. */
const COOKIE_VALUES: {
  name: string;
  value: (purpose: CookiePurpose) => Promise<string> | string;
  absent?: boolean;
  /** Where a purpose answers with another code than its usual refusal, and why. */
  codes?: Partial<Record<CookiePurpose, string>>;
}[] = [
  { name: 'empty', value: () => '', absent: true },
  { name: 'garbage', value: () => 'garbage!!' },
  { name: '10 kB', value: () => 'A'.repeat(10 * 1024) },
  { name: 'truncated', value: (purpose) => real[purpose].slice(0, -12) },
  {
    name: 'sealed with another password (iron-session)',
    value: () => sealData({ id: 'x' }, { password: 'another-password-another-password-1234' }),
  },
  {
    name: 'percent-encoded',
    value: (purpose) => [...real[purpose]].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  },
  { name: 'non-ASCII (Latin-1 bytes)', value: (purpose) => `${real[purpose].slice(0, 20)}\u00e9\u00ff\u00e0` },
  {
    // Same alphabet, same length, one byte different: the seal's MAC, the token's signature or the
    // refresh token's hash no longer matches. The last character is left alone: in base64url its
    // low bits can be padding, and changing only those re-encodes the very same credential. In a
    // refresh token the change goes into the family part: a token naming a live family with a
    // wrong secret is reuse (attacks-flows.spec.ts), not a mere invalid token.
    name: 'one character changed',
    value: (purpose) => {
      const value = real[purpose];
      const at = Math.floor((purpose === 'refreshToken' ? value.indexOf('.') : value.length) / 2);
      return `${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`;
    },
    // A family that does not exist reads as one that was revoked: a revoked family is deleted.
    codes: { refreshToken: 'refresh_revoked' },
  },
  // Cookie tossing: a second cookie of the same name beside the genuine one (a sibling subdomain
  // or a plain-http response can plant it, and the browser may send it first). The value closes
  // the first pair and opens another of the same name. Either order counts as no credential.
  { name: 'duplicated, a planted one first', value: (purpose) => `planted; ${cookieName(purpose, true)}=${real[purpose]}`, absent: true },
  { name: 'duplicated, a planted one last', value: (purpose) => `${real[purpose]}; ${cookieName(purpose, true)}=planted`, absent: true },
];

/** What an absent credential gets: the same refusal, except a missing access token is "unauthenticated". */
const ABSENT: Record<CookiePurpose, { status: number; code: string }> = {
  session: { status: 401, code: 'unauthenticated' },
  adminSession: { status: 401, code: 'unauthenticated' },
  accessToken: { status: 401, code: 'unauthenticated' },
  refreshToken: { status: 401, code: 'refresh_invalid' },
};

for (const purpose of Object.keys(COOKIE_TARGETS) as CookiePurpose[]) {
  for (const bad of COOKIE_VALUES) {
    test(`cookie ${purpose}: ${bad.name} is refused and changes nothing`, async () => {
      const where = COOKIE_TARGETS[purpose];
      const expected = bad.absent ? ABSENT[purpose] : { status: where.status, code: bad.codes?.[purpose] ?? where.code };
      const value = await bad.value(purpose);
      await expectStoreUnchanged(target, async () => {
        const response = await send(target, where.method, where.path, { headers: cookieHeader(purpose, value) });
        await expectRefusal(response, expected.status, expected.code);
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Forged access tokens
// ---------------------------------------------------------------------------------------------

const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The claims of a genuine token for mallory, fresh: each forgery changes only what it attacks. */
function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  const iat = nowSeconds();
  return {
    iss: 'session-vs-jwt',
    aud: 'session-vs-jwt-api',
    sub: malloryId,
    username: 'mallory',
    role: 'admin',
    jti: `forged-${Math.random().toString(36).slice(2)}`,
    iat,
    exp: iat + 600,
    ...overrides,
  };
}

/** Signs exactly `header` and `payload` (no defaults added) with `key` and `alg`. */
async function sign(header: Record<string, unknown>, payload: JWTPayload, key: CryptoKey | Uint8Array): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header as JWTHeaderParameters).sign(key);
}

const attackerSigned = (header: Record<string, unknown>, payload = claims()) =>
  sign({ alg: 'EdDSA', typ: 'at+jwt', kid: currentKid, ...header }, payload, attacker.privateKey);

/**
 * Signed with the app's real current key: only the claim (or header) check can refuse these.
 * Signed by hand (Ed25519 over `header.payload`), since jose would refuse to sign some of them
 * (an unknown `crit`, for one).
 */
async function keyHolderSigned(header: Record<string, unknown>, payload: JWTPayload): Promise<string> {
  const { kid, privateJwk } = await openCurrentSigningKey(target);
  const signingInput = `${b64({ alg: 'EdDSA', typ: 'at+jwt', kid, ...header })}.${b64(payload)}`;
  const key = createPrivateKey({ key: privateJwk, format: 'jwk' });
  return `${signingInput}.${cryptoSign(null, Buffer.from(signingInput), key).toString('base64url')}`;
}

interface Forgery {
  name: string;
  token: () => Promise<string>;
  code?: string;
}

const FORGERIES: Forgery[] = [
  { name: 'alg none (jose UnsecuredJWT)', token: async () => new UnsecuredJWT(claims()).encode() },
  {
    name: 'alg none with our kid and a dummy signature',
    token: async () => `${b64({ alg: 'none', typ: 'at+jwt', kid: currentKid })}.${b64(claims())}.AAAA`,
  },
  {
    name: 'HS256 keyed with the JWKS bytes',
    token: () => sign({ alg: 'HS256', typ: 'at+jwt', kid: currentKid }, claims(), new TextEncoder().encode(jwksText)),
  },
  {
    name: 'HS256 keyed with the public JWK JSON',
    token: () => {
      const jwk = (JSON.parse(jwksText) as { keys: object[] }).keys[0];
      return sign({ alg: 'HS256', typ: 'at+jwt', kid: currentKid }, claims(), new TextEncoder().encode(JSON.stringify(jwk)));
    },
  },
  { name: 'embedded jwk header with the attacker key', token: () => attackerSigned({ jwk: attacker.publicJwk }) },
  { name: 'jku pointing at an attacker JWKS on loopback', token: () => attackerSigned({ kid: 'attacker', jku: attackerUrl }) },
  { name: 'x5u pointing at an attacker server on loopback', token: () => attackerSigned({ kid: 'attacker', x5u: attackerUrl }) },
  { name: 'kid ../../dev/null', token: () => attackerSigned({ kid: '../../dev/null' }) },
  { name: "kid with SQL (' OR 1=1 --)", token: () => attackerSigned({ kid: "' OR '1'='1' --" }) },
  { name: 'kid of 1 kB', token: () => attackerSigned({ kid: 'k'.repeat(1024) }) },
  { name: 'unknown kid', token: () => attackerSigned({ kid: 'no-such-key' }) },
  { name: 'our kid, attacker signature', token: () => attackerSigned({}) },
  { name: 'far-future exp, attacker key', token: () => attackerSigned({}, claims({ exp: nowSeconds() + 10 * 365 * 86400 })) },
  { name: 'unknown crit header (real key)', token: () => keyHolderSigned({ crit: ['x-attack'], 'x-attack': true }, claims()) },
  { name: 'typ JWT instead of at+jwt (real key)', token: () => keyHolderSigned({ typ: 'JWT' }, claims()) },
  { name: 'no typ (real key)', token: () => keyHolderSigned({ typ: undefined }, claims()) },
  { name: 'wrong iss (real key)', token: () => keyHolderSigned({}, claims({ iss: 'https://evil.example' })) },
  { name: 'wrong aud (real key)', token: () => keyHolderSigned({}, claims({ aud: 'another-api' })) },
  { name: 'sub of the wrong type (real key)', token: () => keyHolderSigned({}, claims({ sub: 42 })) },
  { name: 'exp of the wrong type (real key)', token: () => keyHolderSigned({}, claims({ exp: String(nowSeconds() + 600) })) },
  { name: 'role of the wrong type (real key)', token: () => keyHolderSigned({}, claims({ role: ['admin'] })) },
  { name: 'missing jti (real key)', token: () => keyHolderSigned({}, claims({ jti: undefined })) },
  { name: 'missing iat (real key)', token: () => keyHolderSigned({}, claims({ iat: undefined })) },
  {
    name: 'far-future exp with an old iat (real key): older than the longest lifetime',
    token: () => keyHolderSigned({}, claims({ iat: nowSeconds() - 2 * 3600, exp: nowSeconds() + 10 * 365 * 86400 })),
    code: 'token_expired',
  },
  {
    // The app never signs a token living longer than the longest lifetime: one that claims to was
    // not made by this app's signing code (a leaked key, a test key in production).
    name: 'far-future exp with a fresh iat (real key): a longer lifetime than any token the app issues',
    token: () => keyHolderSigned({}, claims({ exp: nowSeconds() + 10 * 365 * 86400 })),
  },
  {
    name: 'a lifetime one second over the longest (real key)',
    token: async () => {
      const iat = nowSeconds();
      return keyHolderSigned({}, claims({ iat, exp: iat + MAX_ACCESS_TOKEN_AGE_SECONDS + 1 }));
    },
  },
  {
    name: 'iat in the future (real key)',
    token: () => keyHolderSigned({}, claims({ iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 })),
  },
  { name: 'a user that does not exist (real key)', token: () => keyHolderSigned({}, claims({ sub: 'nobody', username: 'nobody' })) },
  {
    name: 'a flipped signature bit',
    token: async () => {
      const [header, payload] = real.accessToken.split('.');
      const signature = jwsPart(real.accessToken, 2);
      signature.writeUInt8(signature.readUInt8(5) ^ 0x01, 5);
      return `${header}.${payload}.${signature.toString('base64url')}`;
    },
  },
  {
    name: 'a valid signature on another payload',
    token: async () => `${real.accessToken.split('.')[0]}.${b64(claims())}.${real.accessToken.split('.')[2]}`,
  },
];

for (const forgery of FORGERIES) {
  for (const carrier of ['Bearer', 'cookie'] as const) {
    test(`forged JWT as ${carrier}: ${forgery.name} is refused and changes nothing`, async () => {
      const token = await forgery.token();
      const headers = carrier === 'Bearer' ? { authorization: `Bearer ${token}` } : cookieHeader('accessToken', token);
      await expectStoreUnchanged(target, async () => {
        const response = await send(target, 'GET', '/api/jwt/me', { headers });
        await expectRefusal(response, 401, forgery.code ?? 'invalid_token');
        expect(response.headers()['www-authenticate']).toContain('error="invalid_token"');
      });
      expect(attackerFetches, 'the attacker JWKS must never be fetched').toBe(0);
    });
  }
}

for (const forgery of FORGERIES.filter((candidate) => !candidate.name.startsWith('a user that does not exist'))) {
  test(`forged JWT at the other doors: ${forgery.name}: no fallback to a genuine cookie, no event stream, logout writes nothing`, async () => {
    const token = await forgery.token();
    await expectStoreUnchanged(target, async () => {
      // A forged Bearer is what the client presented: the genuine cookie beside it is not a fallback.
      const both = await send(target, 'GET', '/api/jwt/me', {
        headers: { authorization: `Bearer ${token}`, ...cookieHeader('accessToken', real.accessToken) },
      });
      await expectRefusal(both, 401, forgery.code ?? 'invalid_token');
      await expectRefusal(
        await send(target, 'GET', '/api/events', { headers: { authorization: `Bearer ${token}` } }),
        401,
        'unauthenticated',
      );
      // Logout is idempotent (200), but only a token the app issued may put its jti on the denylist.
      const logout = await send(target, 'DELETE', '/api/jwt/refresh', { headers: cookieHeader('accessToken', token) });
      expect(logout.status()).toBe(200);
      expect(await logout.json()).toEqual({ loggedOut: true, familyRevoked: false });
      expectNoCredentialIssued(logout);
    });
  });
}

test('the genuine token the forgeries start from is accepted (the refusals are not a broken setup)', async () => {
  const response = await send(target, 'GET', '/api/jwt/me', { headers: { authorization: `Bearer ${real.accessToken}` } });
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { user: { role: string } }).user.role).toBe('user');
  const keyHolder = await keyHolderSigned({}, claims({ role: 'user' }));
  expect((await send(target, 'GET', '/api/jwt/me', { headers: { authorization: `Bearer ${keyHolder}` } })).status()).toBe(200);
});

test('a token signed by a key rotated out and then retired through the admin API is refused, as Bearer and as cookie', async () => {
  const admin = await adminCookie(target);
  const { access_token: token } = await tokenLogin(target, target.user(1));
  const oldKid = (JSON.parse(jwsPart(token, 0).toString()) as { kid: string }).kid;
  expect((await send(target, 'POST', '/api/admin/keys/rotate', { headers: admin })).status()).toBe(200);
  // Rotated out but not retired: it still verifies.
  expect((await send(target, 'GET', '/api/jwt/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
  expect((await send(target, 'POST', '/api/admin/keys/retire', { headers: admin, data: { kid: oldKid } })).status()).toBe(200);
  for (const headers of [{ authorization: `Bearer ${token}` }, cookieHeader('accessToken', token)]) {
    await expectStoreUnchanged(target, async () => {
      await expectRefusal(await send(target, 'GET', '/api/jwt/me', { headers }), 401, 'invalid_token');
    });
  }
  currentKid = firstKid(await (await send(target, 'GET', '/.well-known/jwks.json')).text());
  expect(currentKid).not.toBe(oldKid);
});
