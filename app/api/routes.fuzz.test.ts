/**
 * Property-based fuzzing of every route handler (app/**\/route.ts, found on disk, so a new route is
 * fuzzed without anyone editing this file), in-process against a whole app on the memory store.
 * Arbitrary cookies, Authorization headers, tokens (structurally valid JWTs with arbitrary headers
 * and claims, signed by an attacker's key; tokens signed with the app's own key whose claims the
 * app never issues) and bodies. The oracle, for every request:
 *   - never a 5xx; every error is `{ error, message }` with the status of the one error table;
 *   - a forged credential is never accepted: no 2xx outside the routes that answer 2xx to anyone;
 *   - no credential Set-Cookie (a clearing one is fine);
 *   - no store write (rate-limit counters and the event log aside).
 * Each property prints how many requests it sent.
 */
import fc from 'fast-check';
import { createHmac, generateKeyPairSync, KeyObject, randomBytes, sign as signBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, type CookiePurpose } from '@/lib/http/cookies';
import { ERROR_STATUS } from '@/lib/http/errors';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';
import { listRouteFiles, STATE_CHANGING_METHODS } from '@/test-utils/route-files';
import { createTestApp, installAsProcessApp } from '@/test-utils/test-app';

type Handler = (request: Request, segment?: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Endpoint {
  method: string;
  path: string;
  handler: Handler;
}

/**
 * What answers 2xx without any credential, by design: health and the JWKS; the presence checks
 * (they only say whether a cookie is there); the logouts, which are idempotent and do nothing
 * without a credential that opens. Anything else answering 2xx to a forged credential is a finding.
 */
const OPEN_TO_ANYONE = new Set([
  'GET /api/health',
  'GET /.well-known/jwks.json',
  'GET /api/admin/presence',
  'GET /api/jwt/refresh/presence',
  'POST /api/session/logout',
  'POST /api/admin/logout',
  'DELETE /api/jwt/refresh',
]);

/** Store operations that only read; `increment` (rate limits) and `appendToLog` (events) may write on a refusal. */
const READS = new Set(['get', 'getMany', 'listIndex', 'timeToLive', 'readLog', 'ping']);
const ALLOWED_WRITES = /increment|appendToLog/i;

/** The memory store, with every write operation counted. */
function createWriteCountingStore(): { store: Store; writes: string[] } {
  const inner = createMemoryStore();
  const writes: string[] = [];
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        if (!READS.has(property) && !ALLOWED_WRITES.test(property) && property !== 'close') writes.push(`${property} ${String(args[0])}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, writes };
}

/** The writes that leave something behind: a lock taken and released (set, then delete) leaves nothing. */
function netWrites(entries: readonly string[]): string[] {
  const released = new Set(
    entries.filter((entry) => entry.startsWith('delete ') && entry.endsWith(':lock')).map((entry) => entry.slice(7)),
  );
  return entries.filter((entry) => !(/^(set|delete) /.test(entry) && released.has(entry.slice(entry.indexOf(' ') + 1))));
}

const ORIGIN = 'http://127.0.0.1:3000';
const { store, writes } = createWriteCountingStore();
const app = createTestApp({ store, instanceId: 'fuzz' });
let uninstall: () => void;
let endpoints: Endpoint[] = [];

/** Genuine credentials of every kind, to mutate. */
const genuine = { session: '', adminSession: '', accessToken: '', refreshToken: '' };
let appKid = '';
let appSigningKey: KeyObject;
let appPublicX = '';
const attackerKey = generateKeyPairSync('ed25519').privateKey;
let requestsSent = 0;

function request(method: string, path: string, headers: Record<string, string>, body?: string | Uint8Array): Request {
  const withBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: { host: '127.0.0.1:3000', ...headers },
    body: withBody ? (body as BodyInit) : undefined,
  });
}

async function call(
  endpoint: Endpoint,
  headers: Record<string, string>,
  body?: string | Uint8Array,
  id = 'f'.repeat(64),
): Promise<Response> {
  requestsSent += 1;
  const segment = endpoint.path.includes('[id]') ? { params: Promise.resolve({ id }) } : undefined;
  return endpoint.handler(request(endpoint.method, endpoint.path.replace('[id]', encodeURIComponent(id)), headers, body), segment);
}

/** Set-Cookie lines that store a credential; a clearing one (empty value, Max-Age=0) is not one. */
function credentialCookies(response: Response): string[] {
  return response.headers.getSetCookie().filter((line) => {
    const value = line.slice(line.indexOf('=') + 1).split(';')[0] ?? '';
    return value !== '' && !/;\s*Max-Age=0\b/i.test(line);
  });
}

/** The oracle. `mayChange` relaxes "no 2xx, no write" for a request that carries a genuine credential. */
async function expectHarmless(
  endpoint: Endpoint,
  response: Response,
  writesBefore: number,
  what: string,
  mayChange = false,
): Promise<void> {
  const where = `${endpoint.method} ${endpoint.path} with ${what}`;
  expect(response.status, where).toBeLessThan(500);
  if (response.headers.get('content-type')?.includes('text/event-stream')) {
    await response.body?.cancel();
  } else if (response.status >= 400) {
    const body = (await response.json()) as { error: keyof typeof ERROR_STATUS; message: unknown };
    expect(ERROR_STATUS[body.error], `${where}: ${JSON.stringify(body)}`).toBe(response.status);
    expect(typeof body.message, where).toBe('string');
  } else {
    await response.arrayBuffer();
  }
  if (mayChange) return;
  if (response.status < 300)
    expect(OPEN_TO_ANYONE.has(`${endpoint.method} ${endpoint.path}`), `${where} answered ${response.status}`).toBe(true);
  expect(credentialCookies(response), where).toEqual([]);
  expect(netWrites(writes.slice(writesBefore)), `${where} wrote to the store`).toEqual([]);
}

function report(property: string, runs: number, requests: number): void {
  console.log(
    `[fuzz] ${property}: ${requests} requests from ${runs} generated cases; no 5xx, no forged credential accepted, no write on a refusal`,
  );
}

async function logIn(path: string, username: string, password: string): Promise<Response> {
  const endpoint = endpoints.find((candidate) => candidate.method === 'POST' && candidate.path === path)!;
  const response = await call(endpoint, { 'content-type': 'application/json' }, JSON.stringify({ username, password }));
  expect(response.status).toBe(200);
  return response;
}

const valueOf = (response: Response, purpose: CookiePurpose) => {
  const prefix = `${cookieName(purpose, true)}=`;
  return response.headers
    .getSetCookie()
    .find((line) => line.startsWith(prefix))!
    .slice(prefix.length)
    .split(';')[0]!;
};

beforeAll(async () => {
  uninstall = installAsProcessApp(app);
  for (const route of listRouteFiles()) {
    const routeModule = (await import(route.file)) as Record<string, unknown>;
    for (const method of route.methods) endpoints.push({ method, path: route.path, handler: routeModule[method] as Handler });
  }
  endpoints = endpoints.filter((endpoint) => typeof endpoint.handler === 'function');
  const session = await logIn('/api/session/login', 'alice', 'wonderland');
  genuine.session = valueOf(session, 'session');
  genuine.adminSession = valueOf(await logIn('/api/admin/login', 'admin', 'control-room'), 'adminSession');
  const jwt = await logIn('/api/jwt/login', 'alice', 'wonderland');
  genuine.accessToken = valueOf(jwt, 'accessToken');
  genuine.refreshToken = valueOf(jwt, 'refreshToken');
  const { ring, keySet } = await app.keys.get(app.store);
  appKid = ring.signingKey.kid;
  appSigningKey = KeyObject.from(ring.signingKey.key as Parameters<typeof KeyObject.from>[0]);
  appPublicX = keySet.keys.find((key) => key.kid === appKid)!.publicJwk.x;
}, 60_000);

afterAll(() => uninstall?.());

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** What a header value can carry on the wire: tab, printable ASCII, and bytes 0x80-0xff. */
const HEADER_CHARS = ['\t', ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)), 'é', 'ÿ', '\u0080', '§'];
const headerText = (maxLength = 200) => fc.string({ unit: fc.constantFrom(...HEADER_CHARS), maxLength });
const BASE64URL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const base64urlText = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...BASE64URL), minLength, maxLength });
const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * A genuine credential, changed: truncated, one character replaced, or a character inserted. The
 * last character of a base64url segment is left alone: its low bits are padding, so changing only
 * those would re-encode the same bytes (the same credential), which is not a forgery.
 */
function mutationOf(value: () => string) {
  const isSegmentEnd = (text: string, at: number) => at === text.length - 1 || /[.*~]/.test(text[at + 1] ?? '');
  return fc.oneof(
    fc.nat().map((n) => {
      const text = value();
      return text.slice(0, n % text.length);
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...BASE64URL, '.', '*', '~', '%', '"', ',')).map(([n, replacement]) => {
      const text = value();
      let at = n % text.length;
      if (isSegmentEnd(text, at)) at = Math.max(0, at - 1);
      const swapped = text[at] === replacement ? (replacement === 'A' ? 'B' : 'A') : replacement;
      return text.slice(0, at) + swapped + text.slice(at + 1);
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...BASE64URL, '.', '*', '=', '\\')).map(([n, inserted]) => {
      const text = value();
      const at = n % text.length;
      return text.slice(0, at) + inserted + text.slice(at);
    }),
  );
}

const PURPOSES: CookiePurpose[] = ['session', 'adminSession', 'accessToken', 'refreshToken'];
const COOKIE_NAMES = PURPOSES.flatMap((purpose) => [cookieName(purpose, true), cookieName(purpose, false)]);

const forgedCredential = fc.oneof(
  headerText(),
  ...PURPOSES.map((purpose) => mutationOf(() => genuine[purpose])),
  fc.constantFrom('Fe26.2*1*', 'Fe26.2**', 'Fe26.2*2*a*b*c*d**e*f*g', 'e30.e30.', 'a.b.c', 'null', 'undefined', '[]', '{}'),
  fc.integer({ min: 4097, max: 12_000 }).map((length) => 'A'.repeat(length)),
  base64urlText(43, 43),
  fc.tuple(base64urlText(10, 200), base64urlText(10, 400), base64urlText(0, 100)).map((parts) => parts.join('.')),
);

/** A Cookie header: credential names (secure and plain) and others, each with a forged value, in any order. */
const cookieHeaderArbitrary = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...COOKIE_NAMES), headerText(20)), forgedCredential), { minLength: 1, maxLength: 5 })
    .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('; ')),
  headerText(500),
);

// ---------------------------------------------------------------------------------------------
// JWTs

const nowSeconds = () => Math.floor(Date.now() / 1000);

function genuineClaims(): Record<string, unknown> {
  const iat = nowSeconds();
  return {
    iss: 'session-vs-jwt',
    aud: 'session-vs-jwt-api',
    sub: 'usr_alice',
    username: 'alice',
    role: 'user',
    jti: randomBytes(16).toString('base64url'),
    iat,
    exp: iat + 600,
  };
}

type JwtSigner = 'attacker-ed25519' | 'hs256-public-key' | 'hs256-jwk' | 'none' | 'random';

/** A compact JWS over exactly this header and payload, however the attacker chooses to sign it. */
function compactJws(header: unknown, payload: unknown, signer: JwtSigner | 'app'): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const data = Buffer.from(input);
  const signatures: Record<JwtSigner | 'app', () => string> = {
    app: () => signBytes(null, data, appSigningKey).toString('base64url'),
    'attacker-ed25519': () => signBytes(null, data, attackerKey).toString('base64url'),
    'hs256-public-key': () => createHmac('sha256', Buffer.from(appPublicX, 'base64url')).update(input).digest('base64url'),
    'hs256-jwk': () =>
      createHmac('sha256', JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: appPublicX }))
        .update(input)
        .digest('base64url'),
    none: () => '',
    random: () => randomBytes(64).toString('base64url'),
  };
  return `${input}.${signatures[signer]()}`;
}

const jsonValue = fc.jsonValue({ maxDepth: 2 });
const hostileKid = fc.oneof(
  fc.constant(''),
  fc.constant('../../../../etc/passwd'),
  fc.constant("' OR '1'='1"),
  fc.constant('k'.repeat(1024)),
  headerText(80),
  jsonValue,
);

/** Structurally valid JWTs with arbitrary headers and claims, signed by anyone but the app. */
const attackerJwt = fc
  .record({
    header: fc.record(
      {
        alg: fc.oneof(fc.constantFrom('EdDSA', 'Ed25519', 'ES256', 'RS256', 'HS256', 'none', 'NONE', 'nOnE'), jsonValue),
        kid: fc.oneof(fc.constant('APP_KID'), hostileKid),
        typ: fc.oneof(fc.constantFrom('at+jwt', 'JWT', 'application/at+jwt'), jsonValue),
        jwk: fc.constant({ kty: 'OKP', crv: 'Ed25519', x: 'ATTACKER' }),
        jku: fc.constant('http://127.0.0.1:9/jwks.json'),
        x5u: fc.constant('http://127.0.0.1:9/cert.pem'),
        crit: fc.array(headerText(10), { maxLength: 2 }),
        b64: fc.boolean(),
      },
      { requiredKeys: ['alg'] },
    ),
    claims: fc.dictionary(fc.constantFrom('iss', 'aud', 'sub', 'username', 'role', 'jti', 'iat', 'exp', 'nbf', 'extra'), jsonValue, {
      maxKeys: 4,
    }),
    signer: fc.constantFrom<JwtSigner>('attacker-ed25519', 'hs256-public-key', 'hs256-jwk', 'none', 'random'),
  })
  .map(({ header, claims, signer }) => {
    const withKid = header.kid === 'APP_KID' ? { ...header, kid: appKid } : header;
    return compactJws(withKid, { ...genuineClaims(), ...claims, role: claims.role ?? 'admin' }, signer);
  });

const TOLERANCE = CLOCK_TOLERANCE_SECONDS;
const CONFIGURED_IDS = ['usr_alice', 'usr_bob', 'usr_admin'];
const normalizedTyp = (value: unknown) => (typeof value === 'string' ? value.toLowerCase().replace(/^application\//, '') : value);

/**
 * A change to a token the app would issue that the app must refuse even under its own signature:
 * each one yields claims or a header the app never writes.
 */
const breakingChange = fc.oneof(
  jsonValue.filter((value) => value !== 'session-vs-jwt').map((iss) => ({ claims: { iss } })),
  jsonValue
    .filter((aud) => aud !== 'session-vs-jwt-api' && !(Array.isArray(aud) && aud.includes('session-vs-jwt-api')))
    .map((aud) => ({ claims: { aud } })),
  jsonValue.filter((sub) => typeof sub !== 'string' || !CONFIGURED_IDS.includes(sub)).map((sub) => ({ claims: { sub } })),
  jsonValue.filter((username) => typeof username !== 'string').map((username) => ({ claims: { username } })),
  jsonValue.filter((role) => role !== 'user' && role !== 'admin').map((role) => ({ claims: { role } })),
  jsonValue.filter((jti) => typeof jti !== 'string').map((jti) => ({ claims: { jti } })),
  fc.constant({ claims: { jti: undefined } }),
  jsonValue.filter((exp) => typeof exp !== 'number').map((exp) => ({ claims: { exp } })),
  fc.integer({ min: TOLERANCE + 1, max: 10 ** 6 }).map((ago) => ({ claims: { exp: nowSeconds() - ago } })),
  fc.integer({ min: MAX_ACCESS_TOKEN_AGE_SECONDS + 1, max: 10 ** 9 }).map((lifetime) => ({ claims: { exp: nowSeconds() + lifetime } })),
  jsonValue.filter((iat) => typeof iat !== 'number').map((iat) => ({ claims: { iat } })),
  fc
    .integer({ min: TOLERANCE + 1, max: 10 ** 6 })
    .map((ahead) => ({ claims: { iat: nowSeconds() + ahead, exp: nowSeconds() + ahead + 60 } })),
  fc.integer({ min: TOLERANCE + 1, max: 10 ** 6 }).map((ahead) => ({ claims: { nbf: nowSeconds() + ahead } })),
  fc
    .oneof(jsonValue, fc.constant(undefined))
    .filter((typ) => normalizedTyp(typ) !== 'at+jwt')
    .map((typ) => ({ header: { typ } })),
  fc
    .oneof(jsonValue, fc.constant(undefined))
    .filter((alg) => alg !== 'EdDSA')
    .map((alg) => ({ header: { alg } })),
  fc.oneof(hostileKid, fc.constant(undefined), base64urlText(1, 64)).map((kid) => ({ header: { kid } })),
  // Any extension the app does not understand; jose itself understands "b64", so that one is not a break.
  fc
    .array(
      headerText(10).filter((name) => name !== 'b64'),
      { minLength: 1, maxLength: 3 },
    )
    .map((crit) => ({ header: { crit, [crit[0]!]: true } })),
  fc.constantFrom('jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256').map((name) => ({ header: { [name]: 'anything' } })),
);

/** A token signed with the app's own key, with one to three breaking changes. */
const appSignedButBroken = fc.array(breakingChange, { minLength: 1, maxLength: 3 }).map((changes) => {
  let header: Record<string, unknown> = { alg: 'EdDSA', typ: 'at+jwt', kid: appKid };
  let claims = genuineClaims();
  for (const change of changes) {
    header = { ...header, ...('header' in change ? change.header : {}) };
    claims = { ...claims, ...('claims' in change ? change.claims : {}) };
  }
  // A token whose only fault is a user the directory does not know verifies as one the app signed
  // (a user removed since), so logout may deny its jti: bounded, and harmless.
  const onlyTheUserIsUnknown = changes.every((change) => 'claims' in change && Object.keys(change.claims).join() === 'sub');
  return { token: compactJws(header, claims, 'app'), onlyTheUserIsUnknown };
});

// ---------------------------------------------------------------------------------------------
// Bodies

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonp',
];
const wrongCredentialValue = fc.oneof(
  fc.constant(''),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string()),
  fc.string({ minLength: 1025, maxLength: 1500 }),
);

/** Bodies of every shape; none is a well-formed credential pair (each one would cost a real scrypt). */
const bodyArbitrary = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.string({ maxLength: 600 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record({ username: wrongCredentialValue, password: fc.oneof(fc.string({ maxLength: 20 }), wrongCredentialValue) })
    .map((body) => JSON.stringify(body)),
  fc.record({ refresh_token: fc.oneof(forgedCredential, jsonValue) }).map((body) => JSON.stringify(body)),
  fc
    .record({ kid: jsonValue, username: jsonValue, denylist: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] })
    .map((body) => JSON.stringify(body)),
  fc.integer({ min: 2, max: 6000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 8193, max: 40_000 }).map((size) => JSON.stringify({ username: 'alice', password: 'x'.repeat(size) })),
);

const bodyHeaders = fc.record(
  {
    'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText(40)),
    'content-length': fc.oneof(fc.nat({ max: 100_000 }).map(String), headerText(10)),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------
// Properties

/** Sends `headers` (and `body`) to every endpoint in `targets`, checking each answer. */
async function sendToAll(targets: readonly Endpoint[], headers: Record<string, string>, what: string, body?: string | Uint8Array) {
  for (const endpoint of targets) {
    const before = writes.length;
    await expectHarmless(endpoint, await call(endpoint, headers, body), before, what);
  }
}

describe('fuzzing every route handler', () => {
  it('the handlers were found on disk and include every kind of route', () => {
    const names = endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/session/me',
        'POST /api/jwt/refresh',
        'PUT /api/admin/settings',
        'DELETE /api/session/sessions/[id]',
      ]),
    );
    expect(endpoints.length).toBeGreaterThanOrEqual(25);
  });

  it('arbitrary cookies of every kind, against every handler', async () => {
    const before = requestsSent;
    const runs = 200;
    await fc.assert(
      fc.asyncProperty(cookieHeaderArbitrary, async (cookie) => {
        await sendToAll(endpoints, { cookie }, `Cookie: ${cookie.slice(0, 200)}`);
      }),
      { numRuns: runs },
    );
    report('cookies', runs, requestsSent - before);
  });

  it('arbitrary Authorization headers, against every handler', async () => {
    const before = requestsSent;
    const runs = 200;
    const authorization = fc.oneof(
      fc
        .tuple(fc.constantFrom('Bearer ', 'bearer ', 'BEARER  ', 'Bearer\t'), fc.oneof(forgedCredential, attackerJwt))
        .map(([s, t]) => s + t),
      fc.tuple(fc.constantFrom('Basic ', 'Digest ', 'Token ', 'JWT ', ''), headerText(100)).map(([s, t]) => s + t),
      fc.constantFrom('Bearer', 'Bearer ', `Bearer a b`, 'Basic YWxpY2U6d29uZGVybGFuZA=='),
    );
    await fc.assert(
      fc.asyncProperty(authorization, fc.option(cookieHeaderArbitrary), async (header, cookie) => {
        await sendToAll(
          endpoints,
          cookie === null ? { authorization: header } : { authorization: header, cookie },
          `Authorization: ${header.slice(0, 200)}`,
        );
      }),
      { numRuns: runs },
    );
    report('authorization headers', runs, requestsSent - before);
  });

  it("structurally valid JWTs with arbitrary headers and claims, signed by an attacker's key, as Bearer and as cookie", async () => {
    const before = requestsSent;
    const runs = 1000;
    const readers = endpoints.filter((endpoint) =>
      ['GET /api/jwt/me', 'GET /api/jwt/inspect', 'GET /api/events', 'DELETE /api/jwt/refresh'].includes(
        `${endpoint.method} ${endpoint.path}`,
      ),
    );
    expect(readers).toHaveLength(4);
    await fc.assert(
      fc.asyncProperty(attackerJwt, async (token) => {
        await sendToAll(readers, { authorization: `Bearer ${token}` }, `Bearer ${token}`);
        await sendToAll(readers, { cookie: `${cookieName('accessToken', true)}=${token}` }, `cookie ${token}`);
      }),
      { numRuns: runs },
    );
    report('attacker-signed JWTs', runs, requestsSent - before);
  });

  it("tokens signed with the app's own key whose claims or header the app never issues: always 401", async () => {
    const before = requestsSent;
    const runs = 1200;
    const me = endpoints.find((endpoint) => endpoint.method === 'GET' && endpoint.path === '/api/jwt/me')!;
    const logout = endpoints.find((endpoint) => endpoint.method === 'DELETE' && endpoint.path === '/api/jwt/refresh')!;
    await fc.assert(
      fc.asyncProperty(appSignedButBroken, async ({ token, onlyTheUserIsUnknown }) => {
        const ways: Record<string, string>[] = [
          { authorization: `Bearer ${token}` },
          { cookie: `${cookieName('accessToken', true)}=${token}` },
        ];
        for (const headers of ways) {
          const writesBefore = writes.length;
          const response = await call(me, headers);
          expect(response.status, token).toBe(401);
          await expectHarmless(me, response, writesBefore, token);
        }
        // Logout denies the jti of a token the app issued; one it did not issue must not write.
        const writesBefore = writes.length;
        const response = await call(logout, { cookie: `${cookieName('accessToken', true)}=${token}` });
        await expectHarmless(logout, response, writesBefore, token, onlyTheUserIsUnknown);
      }),
      { numRuns: runs },
    );
    report('app-key tokens with claims the app never issues', runs, requestsSent - before);
  });

  it('arbitrary bodies, Content-Types and Content-Lengths, against every state-changing handler', async () => {
    const before = requestsSent;
    const runs = 250;
    const writers = endpoints.filter((endpoint) => STATE_CHANGING_METHODS.includes(endpoint.method));
    await fc.assert(
      fc.asyncProperty(bodyArbitrary, bodyHeaders, async (body, headers) => {
        await sendToAll(writers, headers, `body ${String(body).slice(0, 100)}`, body);
      }),
      { numRuns: runs },
    );
    report('bodies without a credential', runs, requestsSent - before);
  });

  it('arbitrary bodies behind a genuine admin session: never a 5xx, and a refusal writes nothing', async () => {
    const before = requestsSent;
    const runs = 400;
    const adminWriters = endpoints.filter((endpoint) =>
      ['POST /api/admin/revoke', 'PUT /api/admin/settings', 'POST /api/admin/keys/retire'].includes(`${endpoint.method} ${endpoint.path}`),
    );
    expect(adminWriters).toHaveLength(3);
    const cookie = `${cookieName('adminSession', true)}=${genuine.adminSession}`;
    await fc.assert(
      fc.asyncProperty(bodyArbitrary, bodyHeaders, async (body, headers) => {
        for (const endpoint of adminWriters) {
          const writesBefore = writes.length;
          const response = await call(endpoint, { ...headers, cookie }, body);
          // A body the admin API accepts may change state: that is what the admin is for.
          await expectHarmless(endpoint, response, writesBefore, `admin body ${String(body).slice(0, 100)}`, response.status < 300);
        }
        // Whatever a random body set, the next run starts from the defaults (2 s of simulated latency would stall the suite).
        if (app.settings.current().storeLatencyMs !== 0) await app.settings.reload();
      }),
      { numRuns: runs },
    );
    report('bodies behind the admin session', runs, requestsSent - before);
  });

  it("arbitrary session handles in DELETE /api/session/sessions/[id]: 400 or 404, nobody's session ends", async () => {
    const before = requestsSent;
    const runs = 400;
    const endpoint = endpoints.find((candidate) => candidate.method === 'DELETE' && candidate.path === '/api/session/sessions/[id]')!;
    // A fresh session, so its idle window is not due to slide (a legitimate write) during the run.
    const session = valueOf(await logIn('/api/session/login', 'bob', 'the-builder'), 'session');
    const cookie = `${cookieName('session', true)}=${session}`;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 100 }), fc.stringMatching(/^[0-9a-f]{64}$/), base64urlText(43, 43)), async (id) => {
        const writesBefore = writes.length;
        const response = await call(endpoint, { cookie }, undefined, id);
        expect([400, 404], id).toContain(response.status);
        await expectHarmless(endpoint, response, writesBefore, `id ${id}`);
      }),
      { numRuns: runs },
    );
    report('session handles', runs, requestsSent - before);
  });

  it('well-formed but wrong credentials on every login route: 401 invalid_credentials, no cookie, nothing written', async () => {
    const before = requestsSent;
    const logins = endpoints.filter((endpoint) => endpoint.method === 'POST' && /\/(login|token)$/.test(endpoint.path));
    expect(logins).toHaveLength(4);
    // One scrypt per case (0.3 s or more), so a handful: the shape of the answer is what is checked.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...logins),
        fc.constantFrom('alice', 'admin', 'nobody'),
        fc.string({ minLength: 1, maxLength: 40 }),
        async (endpoint, username, password) => {
          const writesBefore = writes.length;
          const response = await call(
            endpoint,
            { 'content-type': 'application/json' },
            JSON.stringify({ username, password: `${password}!wrong` }),
          );
          expect(response.status).toBe(401);
          await expectHarmless(endpoint, response, writesBefore, `${username} / ${password}`);
        },
      ),
      { numRuns: 4 },
    );
    report('wrong credentials', 4, requestsSent - before);
  });
});

describe('fuzz totals', () => {
  it('prints how many requests the properties sent in all', () => {
    console.log(`[fuzz] total: ${requestsSent} requests against ${endpoints.length} handlers`);
    expect(requestsSent).toBeGreaterThan(5000);
  });
});
