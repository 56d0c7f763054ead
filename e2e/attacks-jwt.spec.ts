import { expect, test } from '@playwright/test';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { CompactSign, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import {
  cookieHeader,
  credentialSetCookies,
  expectRefusal,
  expectStoreUnchanged,
  logInJwt,
  send,
  startAttackTarget,
  type AttackTarget,
  type HttpAnswer,
} from './attack-helpers';

// Forged access tokens. The app signs with a key this test generated and configured
// (JWT_PRIVATE_KEYS), so the test can also sign with the app's own key: a token that is perfect
// but for one claim proves that claim is checked, not merely that the signature fails.
const APP_KID = 'attack-suite-key';
let target: AttackTarget;
let appKey: CryptoKey;
let appPublicJwk: JWK;
let jwksDocument: string;
let attackerKey: CryptoKey;
let attackerPublicJwk: JWK;
/** A loopback server holding the attacker's JWKS, for `jku` and `x5u`; it counts every request. */
let attackerServer: Server;
let attackerUrl: string;
let attackerServerHits = 0;
/** Alice's id, as the app's own tokens carry it in `sub`. */
let aliceId: string;
/** An access token the app issued to alice. */
let genuineAccessToken: string;

test.beforeAll(async () => {
  const app = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  appKey = app.privateKey;
  appPublicJwk = { ...(await exportJWK(app.publicKey)), kid: APP_KID, alg: 'EdDSA', use: 'sig' };
  const attacker = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  attackerKey = attacker.privateKey;
  attackerPublicJwk = { ...(await exportJWK(attacker.publicKey)), kid: 'attacker-key', alg: 'EdDSA', use: 'sig' };

  attackerServer = createServer((_request, response) => {
    attackerServerHits += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [attackerPublicJwk] }));
  });
  await new Promise<void>((resolve) => attackerServer.listen(0, '127.0.0.1', resolve));
  const address = attackerServer.address();
  attackerUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/jwks.json`;

  target = await startAttackTarget({ JWT_PRIVATE_KEYS: JSON.stringify([{ ...(await exportJWK(app.privateKey)), kid: APP_KID }]) });
  jwksDocument = (await send(target, { path: '/.well-known/jwks.json' })).text;
  genuineAccessToken = (await logInJwt(target)).access;
  const me = await send(target, { path: '/api/jwt/me', headers: { authorization: `Bearer ${genuineAccessToken}` } });
  aliceId = (me.json as { user: { id: string } }).user.id;
});

test.afterAll(async () => {
  await target?.stop();
  await new Promise((resolve) => attackerServer?.close(resolve));
});

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** What the app itself would put in a token for alice, valid for ten minutes. */
function genuineClaims(): Record<string, unknown> {
  const iat = nowSeconds();
  return {
    iss: 'session-vs-jwt',
    aud: 'session-vs-jwt-api',
    sub: aliceId,
    username: 'alice',
    role: 'user',
    jti: randomBytes(16).toString('base64url'),
    iat,
    exp: iat + 600,
  };
}

const genuineHeader = (): Record<string, unknown> => ({ alg: 'EdDSA', typ: 'at+jwt', kid: APP_KID });

/** Signs exactly these header and claims (no library checks on them), declaring any `crit` names understood. */
function sign(header: Record<string, unknown>, claims: Record<string, unknown>, key: CryptoKey | Uint8Array): Promise<string> {
  const crit = Array.isArray(header.crit) ? Object.fromEntries(header.crit.map((name) => [String(name), true])) : undefined;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader(header as never).sign(key, { crit });
}

/** HS256 by hand, with whatever bytes the attacker guesses the server uses as the secret. */
function signHs256(secret: Buffer | string, claims: Record<string, unknown>): string {
  const input = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'at+jwt', kid: APP_KID }))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** A forgery and the 401 code the app must answer `/api/jwt/me` with. */
interface Forgery {
  name: string;
  token: () => Promise<string>;
  code: 'invalid_token' | 'token_expired';
}

const withClaims = (change: (claims: Record<string, unknown>) => void) => async () => {
  const claims = genuineClaims();
  change(claims);
  return sign(genuineHeader(), claims, appKey);
};

const withHeader =
  (change: (header: Record<string, unknown>) => void, key: () => CryptoKey = () => appKey) =>
  async () => {
    const header = genuineHeader();
    change(header);
    return sign(header, genuineClaims(), key());
  };

const FORGERIES: readonly Forgery[] = [
  {
    name: 'alg none, empty signature',
    token: async () =>
      `${base64url(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: APP_KID }))}.${base64url(JSON.stringify(genuineClaims()))}.`,
    code: 'invalid_token',
  },
  {
    name: 'alg none, with a signature part',
    token: async () =>
      `${base64url(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: APP_KID }))}.${base64url(JSON.stringify(genuineClaims()))}.${base64url('x')}`,
    code: 'invalid_token',
  },
  {
    name: 'HS256 keyed with the public key bytes',
    token: async () => signHs256(Buffer.from(appPublicJwk.x!, 'base64url'), genuineClaims()),
    code: 'invalid_token',
  },
  {
    name: 'HS256 keyed with the JWK JSON',
    token: async () => signHs256(JSON.stringify((JSON.parse(jwksDocument) as { keys: unknown[] }).keys[0]), genuineClaims()),
    code: 'invalid_token',
  },
  { name: 'HS256 keyed with the JWKS document bytes', token: async () => signHs256(jwksDocument, genuineClaims()), code: 'invalid_token' },
  {
    name: 'HS256 keyed with the public key PEM',
    token: async () => {
      const { importJWK } = await import('jose');
      const publicKey = (await importJWK({ ...appPublicJwk }, 'EdDSA', { extractable: true })) as CryptoKey;
      return signHs256(await exportSPKI(publicKey), genuineClaims());
    },
    code: 'invalid_token',
  },
  {
    name: "alg of another family (ES256) over the app's kid",
    token: async () => {
      const { privateKey } = await generateKeyPair('ES256');
      return sign({ alg: 'ES256', typ: 'at+jwt', kid: APP_KID }, genuineClaims(), privateKey);
    },
    code: 'invalid_token',
  },
  {
    name: "embedded jwk header with the attacker's key, the app's kid",
    token: withHeader(
      (header) => (header.jwk = attackerPublicJwk),
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: "embedded jwk header with the attacker's key and kid",
    token: withHeader(
      (header) => {
        header.jwk = attackerPublicJwk;
        header.kid = attackerPublicJwk.kid;
      },
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: "embedded jwk header, signed with the app's own key",
    token: withHeader((header) => (header.jwk = appPublicJwk)),
    code: 'invalid_token',
  },
  {
    name: "jku pointing at the attacker's JWKS on loopback",
    token: withHeader(
      (header) => {
        header.jku = attackerUrl;
        header.kid = attackerPublicJwk.kid;
      },
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: "x5u pointing at the attacker's server on loopback",
    token: withHeader(
      (header) => {
        header.x5u = attackerUrl;
        header.kid = attackerPublicJwk.kid;
      },
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: 'x5c header with a made-up chain',
    token: withHeader(
      (header) => (header.x5c = [randomBytes(300).toString('base64')]),
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: 'kid with path traversal',
    token: withHeader(
      (header) => (header.kid = '../../../../etc/passwd'),
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: 'kid with SQL',
    token: withHeader(
      (header) => (header.kid = "' OR '1'='1' --"),
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: 'kid of 1 kB',
    token: withHeader(
      (header) => (header.kid = 'k'.repeat(1024)),
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  {
    name: 'kid unknown (well-formed, so it forces a key reload)',
    token: withHeader(
      (header) => (header.kid = 'unknown-key-1'),
      () => attackerKey,
    ),
    code: 'invalid_token',
  },
  { name: 'kid missing', token: withHeader((header) => delete header.kid), code: 'invalid_token' },
  {
    name: 'unknown crit header',
    token: withHeader((header) => {
      header.crit = ['x-attack'];
      header['x-attack'] = true;
    }),
    code: 'invalid_token',
  },
  { name: 'typ JWT', token: withHeader((header) => (header.typ = 'JWT')), code: 'invalid_token' },
  { name: 'typ missing', token: withHeader((header) => delete header.typ), code: 'invalid_token' },
  { name: 'wrong iss', token: withClaims((claims) => (claims.iss = 'https://attacker.example')), code: 'invalid_token' },
  { name: 'wrong aud', token: withClaims((claims) => (claims.aud = 'some-other-api')), code: 'invalid_token' },
  { name: 'aud as a list without ours', token: withClaims((claims) => (claims.aud = ['a', 'b'])), code: 'invalid_token' },
  { name: 'sub as a number', token: withClaims((claims) => (claims.sub = 42)), code: 'invalid_token' },
  { name: 'exp as a string', token: withClaims((claims) => (claims.exp = String(claims.exp))), code: 'invalid_token' },
  { name: 'role root', token: withClaims((claims) => (claims.role = 'root')), code: 'invalid_token' },
  { name: 'username missing', token: withClaims((claims) => delete claims.username), code: 'invalid_token' },
  {
    name: 'far-future exp',
    token: withClaims((claims) => (claims.exp = nowSeconds() + 10 * 365 * 24 * 3600)),
    code: 'invalid_token',
  },
  {
    name: 'iat in the future',
    token: withClaims((claims) => {
      claims.iat = nowSeconds() + 3600;
      claims.exp = nowSeconds() + 3900;
    }),
    code: 'invalid_token',
  },
  {
    name: 'iat older than the longest token age',
    token: withClaims((claims) => {
      claims.iat = nowSeconds() - 2 * 3600;
      claims.exp = nowSeconds() + 600;
    }),
    code: 'token_expired',
  },
  {
    name: 'expired',
    token: withClaims((claims) => {
      claims.iat = nowSeconds() - 120;
      claims.exp = nowSeconds() - 60;
    }),
    code: 'token_expired',
  },
  { name: 'nbf in the future', token: withClaims((claims) => (claims.nbf = nowSeconds() + 600)), code: 'invalid_token' },
  { name: 'missing jti', token: withClaims((claims) => delete claims.jti), code: 'invalid_token' },
  { name: 'missing exp', token: withClaims((claims) => delete claims.exp), code: 'invalid_token' },
  { name: 'over 2 kB', token: withClaims((claims) => (claims.padding = 'p'.repeat(2048))), code: 'invalid_token' },
  {
    name: 'a valid token with a flipped signature bit',
    token: async () => {
      const [header, payload, signature] = (await sign(genuineHeader(), genuineClaims(), appKey)).split('.');
      const bytes = Buffer.from(signature!, 'base64url');
      bytes[0]! ^= 0x01;
      return `${header}.${payload}.${bytes.toString('base64url')}`;
    },
    code: 'invalid_token',
  },
  {
    name: 'a valid token with its payload swapped for another user',
    token: async () => {
      const [header, , signature] = (await sign(genuineHeader(), genuineClaims(), appKey)).split('.');
      return `${header}.${base64url(JSON.stringify({ ...genuineClaims(), sub: 'usr_admin', username: 'admin', role: 'admin' }))}.${signature}`;
    },
    code: 'invalid_token',
  },
];

/** The JWT-facing doors a forged token may knock on, and what each must answer. */
async function expectForgeryRefusedEverywhere(token: string, code: Forgery['code']): Promise<void> {
  const bearer = { authorization: `Bearer ${token}` };
  const cookie = { cookie: cookieHeader({ accessToken: token }) };
  const expectChallenge = (answer: HttpAnswer) =>
    expect(answer.headers['www-authenticate']).toBe(`Bearer realm="session-vs-jwt", error="invalid_token", error_description="${code}"`);

  const viaBearer = await send(target, { path: '/api/jwt/me', headers: bearer });
  expectRefusal(viaBearer, 401, code);
  expectChallenge(viaBearer);
  expectRefusal(await send(target, { path: '/api/jwt/me', headers: cookie }), 401, code);
  expectRefusal(await send(target, { path: '/api/jwt/inspect', headers: cookie }), 401, code);
  // A forged Bearer does not fall back to a genuine cookie sent beside it.
  expectRefusal(
    await send(target, { path: '/api/jwt/me', headers: { ...bearer, cookie: cookieHeader({ accessToken: genuineAccessToken }) } }),
    401,
    code,
  );
  // The event stream opens for neither.
  expectRefusal(await send(target, { path: '/api/events', headers: bearer }), 401, 'unauthenticated');
  // Logout is idempotent (200), but only a token the app issued may write its jti to the denylist.
  const logout = await send(target, { method: 'DELETE', path: '/api/jwt/refresh', headers: cookie });
  expect(logout.status).toBe(200);
  expect(logout.json).toEqual({ loggedOut: true, familyRevoked: false });
  expect(credentialSetCookies(logout.setCookies)).toEqual([]);
}

test('the harness: a token signed with the app key and the claims the app would write is accepted', async () => {
  const token = await sign(genuineHeader(), genuineClaims(), appKey);
  const ways: Record<string, string>[] = [{ authorization: `Bearer ${token}` }, { cookie: cookieHeader({ accessToken: token }) }];
  for (const headers of ways) {
    const answer = await send(target, { path: '/api/jwt/me', headers });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ user: { username: 'alice', role: 'user' } });
  }
});

for (const forgery of FORGERIES) {
  test(`forged JWT, ${forgery.name}: 401 ${forgery.code} as Bearer and as cookie, nothing written`, async () => {
    const token = await forgery.token();
    await expectStoreUnchanged(target, () => expectForgeryRefusedEverywhere(token, forgery.code));
    // The app never dereferences a URL from a token: the attacker's server saw no request.
    expect(attackerServerHits).toBe(0);
  });
}

test('a token signed with the app key for a user who is not configured: 401 invalid_token, nothing written', async () => {
  // Not a forgery in the signature sense (logout may deny its jti, as for any token the app signed),
  // but no configured user stands behind it, so no route accepts it.
  const token = await withClaims((claims) => (claims.sub = 'usr_mallory'))();
  await expectStoreUnchanged(target, async () => {
    expectRefusal(await send(target, { path: '/api/jwt/me', headers: { authorization: `Bearer ${token}` } }), 401, 'invalid_token');
    expectRefusal(
      await send(target, { path: '/api/jwt/me', headers: { cookie: cookieHeader({ accessToken: token }) } }),
      401,
      'invalid_token',
    );
    expectRefusal(await send(target, { path: '/api/events', headers: { authorization: `Bearer ${token}` } }), 401, 'unauthenticated');
  });
});
