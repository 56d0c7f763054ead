/**
 * Property-based fuzzing (fast-check) of every API route handler, in process, through the real
 * route modules on a test app (memory store, cheap password hashes): arbitrary cookies,
 * Authorization headers, access tokens (structurally valid JWTs with arbitrary headers and claims,
 * signed by an attacker key; tokens signed with the app's own key whose claims it never issues)
 * and bodies. Properties: never a 500; every error is `{ error }` with the status of the one error
 * table; never a 2xx for a forged credential; no credential Set-Cookie and no store write on a
 * refusal. Each property prints how many cases it ran.
 */
import { KeyObject, randomBytes, sign as signBytes } from 'node:crypto';
import fc from 'fast-check';
import { generateKeyPair, SignJWT, type JWTHeaderParameters } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOKIES, cookieName, type CookiePurpose } from '@/lib/http/cookies';
import { ERROR_STATUS } from '@/lib/http/errors';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';
import type { ServerApp } from '@/lib/server/app';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';
import { hashPassword } from '@/lib/users/password';
import { createTestApp } from '@/test-utils/test-app';

type Handler = (request: Request, segment?: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface RouteUnderTest {
  path: string;
  method: string;
  handler: Handler;
}

const ORIGIN = 'http://127.0.0.1:3000';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
/** Routes that answer 2xx without any credential, by design (health, costs, public keys, presence probes, idempotent logouts). */
const OPEN_ROUTES = new Set([
  'GET /api/health',
  'GET /api/costs',
  'GET /.well-known/jwks.json',
  'GET /api/admin/presence',
  'GET /api/jwt/refresh/presence',
  'POST /api/session/logout',
  'POST /api/admin/logout',
  'DELETE /api/jwt/refresh',
]);
/**
 * The attack lab's endpoints accept forged credentials on purpose: that is what they show. For them
 * the properties that still hold are "never a 5xx", "no real credential set" and "no write to the
 * app's store"; a 2xx and a `lab_` cookie are allowed.
 */
const isLabRoute = (path: string) => path.startsWith('/api/lab/');
/** Cases per property unit; the file runs about 8,000 cases in total by default. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

/** Store operations that only read; rate-limit counters and the event log may be written on a refusal. */
const READS = new Set(['get', 'getMany', 'listIndex', 'timeToLive', 'readLog', 'ping', 'close']);
const MAY_WRITE_ON_A_REFUSAL = /increment|appendToLog/i;

/** The memory store, with every write that a refusal must not make logged as "operation key". */
function createWriteLoggingStore(): { store: Store; writes: string[] } {
  const inner = createMemoryStore();
  const writes: string[] = [];
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        if (!READS.has(property) && !MAY_WRITE_ON_A_REFUSAL.test(property)) writes.push(`${property} ${String(args[0])}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, writes };
}

/** The writes that leave something behind: a lock taken and released (set, then delete) leaves nothing. */
function netWrites(entries: readonly string[]): string[] {
  const released = new Set(entries.filter((entry) => /^delete .*:lock$/.test(entry)).map((entry) => entry.slice('delete '.length)));
  return entries.filter((entry) => !(/^(set|delete) /.test(entry) && released.has(entry.slice(entry.indexOf(' ') + 1))));
}

const { store: loggingStore, writes } = createWriteLoggingStore();
let app: ServerApp;
let routes: RouteUnderTest[] = [];
const PASSWORD = 'correct-horse-battery';
const USERNAMES = ['alice', 'bob', 'root'];
const counts: string[] = [];

/** Every app/**\/route.ts, found at test time: a route added later is fuzzed without editing this file. */
const routeModules = import.meta.glob<Record<string, unknown>>('/app/**/route.ts');

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD, { logN: 10, blockSize: 8, parallelization: 1 });
  app = createTestApp({
    instanceId: 'fuzz',
    store: loggingStore,
    env: {
      DEMO_USERS: JSON.stringify(USERNAMES.map((username) => ({ username, role: username === 'root' ? 'admin' : 'user', passwordHash }))),
    },
  });
  // The first use generates and stores the signing key: done here, so no fuzzed request is the one
  // that writes it (every refusal is checked for store writes).
  await app.keys.get(app.store);
  await app.settings.ready();
  // The route modules use the process app; this test's app takes its place before they load.
  (globalThis as { __sessionVsJwtApp?: ServerApp }).__sessionVsJwtApp = app;
  for (const [file, load] of Object.entries(routeModules)) {
    const exported = await load();
    const path = file
      .replace(/^\/app/, '')
      .replace(/\/route\.ts$/, '')
      .replace(/\[[^\]]+\]/g, 'x');
    for (const method of METHODS) {
      if (typeof exported[method] === 'function') routes.push({ path, method, handler: exported[method] as Handler });
    }
  }
  routes = routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
});

afterAll(() => {
  delete (globalThis as { __sessionVsJwtApp?: ServerApp }).__sessionVsJwtApp;
  console.log(`fuzz: ${counts.join('; ')}`);
});

interface CallAnswer {
  status: number;
  setCookies: string[];
  error: unknown;
  /** The store writes the call made that leave something behind. */
  writes: string[];
}

/** Calls a route as Next would; reads the body whole (a stream would never end, so it is cancelled). */
async function call(route: RouteUnderTest, headers: Record<string, string>, body?: BodyInit, id = 'x'): Promise<CallAnswer> {
  const request = new Request(`${ORIGIN}${route.path}`, {
    method: route.method,
    headers: { host: '127.0.0.1:3000', ...headers },
    body: route.method === 'GET' ? undefined : body,
  });
  const writesBefore = writes.length;
  const response = await route.handler(request, { params: Promise.resolve({ id }) });
  const isStream = response.headers.get('content-type')?.includes('text/event-stream');
  let error: unknown;
  if (isStream) await response.body?.cancel();
  else if (response.status >= 400) error = ((await response.json()) as { error?: unknown }).error;
  else await response.arrayBuffer();
  if (typeof error === 'string')
    expect(ERROR_STATUS[error as keyof typeof ERROR_STATUS], `${route.method} ${route.path}: ${error}`).toBe(response.status);
  return { status: response.status, setCookies: response.headers.getSetCookie(), error, writes: netWrites(writes.slice(writesBefore)) };
}

/** The property every refused forgery must hold. */
function expectRefused(route: RouteUnderTest, answer: CallAnswer): void {
  const label = `${route.method} ${route.path}`;
  expect(answer.status, label).not.toBe(500);
  expect(answer.status, label).toBeLessThan(500);
  if (!OPEN_ROUTES.has(label) && !isLabRoute(route.path)) {
    expect(answer.status, label).toBeGreaterThanOrEqual(400);
    expect(typeof answer.error, label).toBe('string');
  }
  for (const line of answer.setCookies) {
    if (isLabRoute(route.path) && line.startsWith('lab_')) continue;
    expect(line, label).toMatch(/^[^=]+=;.*Max-Age=0/);
  }
  expect(answer.writes, `${label} wrote to the store`).toEqual([]);
}

/** Printable ASCII: what a Headers object accepts, CR/LF and NUL excluded. */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

const cookieNames = fc.oneof(
  fc.constantFrom(
    ...(Object.keys(COOKIES) as CookiePurpose[]).flatMap((purpose) => [cookieName(purpose, true), cookieName(purpose, false)]),
  ),
  headerText(12).filter((name) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)),
);
const cookieHeaderValue = fc
  .array(fc.tuple(cookieNames, fc.oneof(headerText(64), headerText(3000), fc.base64String({ maxLength: 400 }))), {
    minLength: 1,
    maxLength: 5,
  })
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('; '));

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let attackerKey: CryptoKey;
beforeAll(async () => {
  attackerKey = (await generateKeyPair('EdDSA')).privateKey;
});

/** Header and claims an attacker controls completely, some close to ours (our kid, our iss/aud, a real user). */
const forgedHeader = fc.record(
  {
    typ: fc.oneof(fc.constantFrom('at+jwt', 'JWT'), fc.jsonValue()),
    kid: fc.oneof(fc.constant('current'), headerText(80), fc.jsonValue()),
    crit: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    jku: fc.webUrl(),
    x5u: fc.webUrl(),
    jwk: fc.jsonValue(),
    b64: fc.boolean(),
  },
  { requiredKeys: [] },
);
const forgedClaims = fc.record(
  {
    iss: fc.oneof(fc.constant('session-vs-jwt'), fc.jsonValue()),
    aud: fc.oneof(fc.constant('session-vs-jwt-api'), fc.jsonValue()),
    sub: fc.oneof(fc.constantFrom('usr_alice', 'usr_root', 'alice'), fc.jsonValue()),
    username: fc.oneof(fc.constantFrom(...USERNAMES), fc.jsonValue()),
    role: fc.oneof(fc.constantFrom('admin', 'user'), fc.jsonValue()),
    jti: fc.oneof(fc.string(), fc.jsonValue()),
    iat: fc.oneof(fc.integer({ min: -1e10, max: 1e10 }), fc.constant(Math.floor(Date.now() / 1000)), fc.jsonValue()),
    exp: fc.oneof(fc.integer({ min: -1e10, max: 1e10 }), fc.constant(Math.floor(Date.now() / 1000) + 600), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

/** A compact JWS, signed by the attacker with EdDSA, with exactly the given header and claims. */
async function forge(header: Record<string, unknown>, claims: Record<string, unknown>, realKid: string): Promise<string> {
  const protectedHeader = { ...header, alg: 'EdDSA', kid: header.kid === 'current' ? realKid : header.kid };
  try {
    return await new SignJWT(claims).setProtectedHeader(protectedHeader as JWTHeaderParameters).sign(attackerKey);
  } catch {
    // jose refuses to sign some headers (an unknown crit); the attacker signs by hand instead.
    return `${base64url(protectedHeader)}.${base64url(claims)}.${randomBytes(64).toString('base64url')}`;
  }
}

/** The claims of a token the app would issue to alice, fresh. */
function genuineClaims(): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
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

const nowSeconds = () => Math.floor(Date.now() / 1000);
const CONFIGURED_IDS = USERNAMES.map((username) => `usr_${username}`);
/** jose compares `typ` without case and without an `application/` prefix. */
const normalizedTyp = (value: unknown) => (typeof value === 'string' ? value.toLowerCase().replace(/^application\//, '') : value);
const json = fc.jsonValue({ maxDepth: 2 });

/**
 * One change to a token the app would issue that the app must refuse even under its own signature:
 * each yields claims or a header the app never writes. Combined, every change keeps its own fault.
 */
const breakingChange: fc.Arbitrary<{ claims?: Record<string, unknown>; header?: Record<string, unknown> }> = fc.oneof(
  json.filter((iss) => iss !== 'session-vs-jwt').map((iss) => ({ claims: { iss } })),
  json
    .filter((aud) => aud !== 'session-vs-jwt-api' && !(Array.isArray(aud) && aud.includes('session-vs-jwt-api')))
    .map((aud) => ({ claims: { aud } })),
  json.filter((sub) => typeof sub !== 'string' || !CONFIGURED_IDS.includes(sub)).map((sub) => ({ claims: { sub } })),
  json.filter((username) => typeof username !== 'string').map((username) => ({ claims: { username } })),
  json.filter((role) => role !== 'user' && role !== 'admin').map((role) => ({ claims: { role } })),
  json.filter((jti) => typeof jti !== 'string').map((jti) => ({ claims: { jti } })),
  fc.constant({ claims: { jti: undefined } }),
  json.filter((exp) => typeof exp !== 'number').map((exp) => ({ claims: { exp } })),
  fc.integer({ min: CLOCK_TOLERANCE_SECONDS + 1, max: 1e6 }).map((ago) => ({ claims: { exp: nowSeconds() - ago } })),
  // A lifetime longer than any the app issues, however fresh the token.
  fc
    .integer({ min: MAX_ACCESS_TOKEN_AGE_SECONDS + 1, max: 1e9 })
    .map((lifetime) => ({ claims: { iat: nowSeconds(), exp: nowSeconds() + lifetime } })),
  json.filter((iat) => typeof iat !== 'number').map((iat) => ({ claims: { iat } })),
  fc
    .integer({ min: CLOCK_TOLERANCE_SECONDS + 1, max: 1e6 })
    .map((ahead) => ({ claims: { iat: nowSeconds() + ahead, exp: nowSeconds() + ahead + 60 } })),
  fc.integer({ min: CLOCK_TOLERANCE_SECONDS + 1, max: 1e6 }).map((ahead) => ({ claims: { nbf: nowSeconds() + ahead } })),
  fc
    .oneof(json, fc.constant(undefined))
    .filter((typ) => normalizedTyp(typ) !== 'at+jwt')
    .map((typ) => ({ header: { typ } })),
  fc
    .oneof(json, fc.constant(undefined))
    .filter((alg) => alg !== 'EdDSA')
    .map((alg) => ({ header: { alg } })),
  fc.oneof(json, fc.constant(undefined), fc.base64String({ minLength: 4, maxLength: 64 })).map((kid) => ({ header: { kid } })),
  // An extension nobody declared understood ("b64" is one jose itself understands, so not a fault).
  fc
    .array(
      fc.string({ minLength: 1, maxLength: 10 }).filter((name) => name !== 'b64'),
      { minLength: 1, maxLength: 3 },
    )
    .map((crit) => ({ header: { crit, [crit[0] ?? 'x']: true } })),
  fc.constantFrom('jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256').map((name) => ({ header: { [name]: 'anything' } })),
);

async function currentKid(): Promise<string> {
  return (await app.keys.get(app.store)).ring.signingKey.kid;
}

/** A session cookie and an access token of alice, genuine, to mutate. */
async function genuineCredentials(): Promise<{ session: string; accessToken: string }> {
  const session = routes.find((r) => r.path === '/api/session/login' && r.method === 'POST');
  const jwt = routes.find((r) => r.path === '/api/jwt/token' && r.method === 'POST');
  if (!session || !jwt) throw new Error('login routes not found');
  const body = JSON.stringify({ username: 'alice', password: PASSWORD });
  const headers = { host: '127.0.0.1:3000', 'content-type': 'application/json' };
  const sessionResponse = await session.handler(new Request(`${ORIGIN}/api/session/login`, { method: 'POST', headers, body }));
  const cookie = sessionResponse.headers.getSetCookie()[0]?.split(';')[0]?.split('=').slice(1).join('=') ?? '';
  const tokenResponse = await jwt.handler(new Request(`${ORIGIN}/api/jwt/token`, { method: 'POST', headers, body }));
  const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
  return { session: cookie, accessToken };
}

function record(name: string, runs: number): void {
  counts.push(`${name}: ${runs} cases`);
  console.log(`fuzz property "${name}": ${runs} cases, 0 failures`);
}

describe('fuzzing every route handler', () => {
  it('found the routes', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('arbitrary Cookie headers on every route: never a 500, never a 2xx on a protected route, no credential set', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), cookieHeaderValue, async (route, cookie) => {
        runs += 1;
        expectRefused(route, await call(route, { cookie }));
      }),
      { numRuns: RUNS * 4 },
    );
    record('arbitrary cookies x every route', runs);
  });

  it('arbitrary Authorization headers: always 401 from the token routes', async () => {
    const tokenRoutes = routes.filter((r) => ['/api/jwt/me', '/api/jwt/inspect', '/api/events'].includes(r.path));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...tokenRoutes),
        fc.oneof(
          headerText(200),
          headerText(3000).map((t) => `Bearer ${t}`),
          fc.base64String({ maxLength: 600 }).map((t) => `Bearer ${t}.${t}.${t}`),
        ),
        async (route, authorization) => {
          runs += 1;
          const answer = await call(route, { authorization });
          expectRefused(route, answer);
          expect(answer.status).toBe(401);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    record('arbitrary Authorization headers', runs);
  });

  it('forged JWTs with arbitrary headers and claims, signed by an attacker key, as Bearer and cookie: always 401', async () => {
    const kid = await currentKid();
    const tokenRoutes = routes.filter((r) => ['/api/jwt/me', '/api/jwt/inspect', '/api/events'].includes(r.path));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...tokenRoutes),
        forgedHeader,
        forgedClaims,
        fc.boolean(),
        async (route, header, claims, asBearer) => {
          runs += 1;
          const token = await forge(header, claims, kid);
          const headers: Record<string, string> = asBearer
            ? { authorization: `Bearer ${token}` }
            : { cookie: `${cookieName('accessToken', true)}=${token}` };
          const answer = await call(route, headers);
          expectRefused(route, answer);
          expect(answer.status).toBe(401);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    record('forged JWTs (attacker key, arbitrary header and claims)', runs);
  });

  it('mutated genuine credentials (one character changed, cut, or extended): refused unless unchanged', async () => {
    const genuine = await genuineCredentials();
    const me = { session: routes.find((r) => r.path === '/api/session/me'), jwt: routes.find((r) => r.path === '/api/jwt/me') };
    if (!me.session || !me.jwt) throw new Error('me routes not found');
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('session' as const, 'accessToken' as const),
        fc.nat(),
        fc.constantFrom('replace', 'cut', 'extend'),
        fc.integer({ min: 0x21, max: 0x7e }),
        async (kind, position, mutation, code) => {
          const original = kind === 'session' ? genuine.session : genuine.accessToken;
          const at = position % original.length;
          const char = String.fromCharCode(code);
          const mutated =
            mutation === 'cut'
              ? original.slice(0, at)
              : mutation === 'extend'
                ? `${original}${char}`
                : `${original.slice(0, at)}${char}${original.slice(at + 1)}`;
          fc.pre(mutated !== original && !mutated.includes(';'));
          runs += 1;
          const route = kind === 'session' ? me.session : me.jwt;
          if (!route) return;
          const answer = await call(route, { cookie: `${cookieName(kind, true)}=${mutated}` });
          // Accepted only when the signed part is untouched: a base64url character whose low bits
          // are padding decodes to the same signature, and iron-session reads the version after
          // `~` with parseInt, so `~2*` is still the genuine seal. Neither is a forgery.
          if (answer.status === 200) {
            const untouched =
              kind === 'accessToken'
                ? at >= original.lastIndexOf('.') && mutation === 'replace'
                : mutated.split('~')[0] === original.split('~')[0];
            expect(untouched, mutated).toBe(true);
          } else {
            expectRefused(route, answer);
          }
        },
      ),
      { numRuns: RUNS * 2 },
    );
    record('mutated genuine credentials', runs);
  });

  it('arbitrary bodies and content types on every state-changing route, without credentials: never a 500, never a 2xx', async () => {
    const writers = routes.filter((r) => r.method !== 'GET');
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.object().map((value) => JSON.stringify(value)),
      fc
        .record(
          { username: fc.jsonValue(), password: fc.jsonValue(), refresh_token: fc.jsonValue(), kid: fc.jsonValue() },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.constant('x'.repeat(9000)),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/merge-patch+json',
      'text/plain',
      'multipart/form-data',
      '',
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writers), body, contentType, async (route, text, type) => {
        // A well-formed login of an unknown user would cost a full-strength scrypt (the dummy hash); name a known user.
        const parsed = (() => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            return null;
          }
        })();
        if (parsed && typeof parsed === 'object' && typeof (parsed as { username?: unknown }).username === 'string') {
          text = JSON.stringify({ ...parsed, username: 'alice' });
        }
        runs += 1;
        const answer = await call(route, type === '' ? {} : { 'content-type': type }, text);
        expectRefused(route, answer);
        if (!isLabRoute(route.path) && (route.path.endsWith('/login') || route.path === '/api/jwt/token'))
          expect(answer.status).not.toBe(200);
      }),
      { numRuns: RUNS * 4 },
    );
    record('arbitrary bodies x state-changing routes', runs);
  });

  it('arbitrary JSON bodies to the admin routes, as the admin: never a 500 (a valid change may succeed)', async () => {
    const login = routes.find((r) => r.path === '/api/admin/login');
    if (!login) throw new Error('admin login not found');
    const response = await login.handler(
      new Request(`${ORIGIN}/api/admin/login`, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'root', password: PASSWORD }),
      }),
    );
    const adminCookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const adminWriters = routes.filter(
      (r) => ['/api/admin/settings', '/api/admin/revoke', '/api/admin/keys/retire'].includes(r.path) && r.method !== 'GET',
    );
    // Any key but storeLatencyMs: a valid latency would slow every later case, and it is checked like the others.
    const patch = fc.dictionary(
      fc.constantFrom(
        'denylist',
        'accessTokenTtlSeconds',
        'refreshGraceSeconds',
        'username',
        'userId',
        'kid',
        '__proto__',
        'constructor',
        'x',
      ),
      fc.jsonValue(),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...adminWriters), fc.oneof(patch, fc.jsonValue()), async (route, value) => {
        runs += 1;
        const answer = await call(route, { cookie: adminCookie, 'content-type': 'application/json' }, JSON.stringify(value));
        expect(answer.status, `${route.method} ${route.path} ${JSON.stringify(value)}`).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(typeof answer.error).toBe('string');
          // A refused change changes nothing (a retire takes the key lock and releases it: no net write).
          expect(answer.writes, `${route.method} ${route.path} ${JSON.stringify(value)}`).toEqual([]);
        }
      }),
      { numRuns: RUNS * 2 },
    );
    record('arbitrary admin bodies', runs);
  });

  it("tokens signed with the app's own key whose claims or header it never issues: always 401, and logout writes nothing", async () => {
    const { ring } = await app.keys.get(app.store);
    const kid = ring.signingKey.kid;
    const key = KeyObject.from(ring.signingKey.key as Parameters<typeof KeyObject.from>[0]);
    const me = routes.find((r) => r.path === '/api/jwt/me' && r.method === 'GET');
    const logout = routes.find((r) => r.path === '/api/jwt/refresh' && r.method === 'DELETE');
    if (!me || !logout) throw new Error('token routes not found');
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(breakingChange, { minLength: 1, maxLength: 3 }), fc.boolean(), async (changes, asBearer) => {
        runs += 1;
        let header: Record<string, unknown> = { alg: 'EdDSA', typ: 'at+jwt', kid };
        let payload: Record<string, unknown> = genuineClaims();
        for (const change of changes) {
          header = { ...header, ...change.header };
          payload = { ...payload, ...change.claims };
        }
        const signingInput = `${base64url(header)}.${base64url(payload)}`;
        const token = `${signingInput}.${signBytes(null, Buffer.from(signingInput), key).toString('base64url')}`;
        const headers: Record<string, string> = asBearer
          ? { authorization: `Bearer ${token}` }
          : { cookie: `${cookieName('accessToken', true)}=${token}` };
        const answer = await call(me, headers);
        expectRefused(me, answer);
        expect(answer.status, token).toBe(401);
        expect(['invalid_token', 'token_expired'], token).toContain(answer.error);
        // Logout denies the jti of a token the app issued. One whose only fault is a user the
        // directory does not know (removed since) still verifies as issued, and may be denied.
        const onlyTheUserIsUnknown = changes.every((change) => Object.keys(change.claims ?? {}).join() === 'sub' && !change.header);
        const loggedOut = await call(logout, { cookie: `${cookieName('accessToken', true)}=${token}` });
        expect(loggedOut.status, token).toBe(200);
        if (!onlyTheUserIsUnknown) expect(loggedOut.writes, token).toEqual([]);
      }),
      { numRuns: RUNS * 2 },
    );
    record("tokens signed with the app's key, with claims it never issues", runs);
  });

  it("arbitrary session handles in DELETE /api/session/sessions/[id] with a genuine session: 400 or 404, nobody's session ends", async () => {
    const route = routes.find((r) => r.path === '/api/session/sessions/x' && r.method === 'DELETE');
    if (!route) throw new Error('session route not found');
    // A fresh session, so its idle window is not due to slide (a legitimate write) during the run.
    const { session } = await genuineCredentials();
    const handles = fc.oneof(fc.string({ maxLength: 100 }), fc.stringMatching(/^[0-9a-f]{64}$/), fc.base64String({ maxLength: 64 }));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(handles, async (id) => {
        runs += 1;
        const answer = await call(route, { cookie: `${cookieName('session', true)}=${session}` }, undefined, id);
        expect([400, 404], id).toContain(answer.status);
        expectRefused(route, answer);
      }),
      { numRuns: RUNS },
    );
    record('arbitrary session handles', runs);
  });
});
