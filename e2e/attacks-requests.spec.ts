import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  adminCookie,
  cookieHeader,
  expectNoCredentialIssued,
  expectRefusal,
  expectStoreUnchanged,
  issuedCookie,
  logIn,
  send,
  startAttackTarget,
  tokenLogin,
  type AttackTarget,
} from './attack-target';
import { rawRequest, type RawAnswer } from './raw-http';

/**
 * Attacks with requests: bodies of every bad shape, size and framing on every route that reads
 * credentials, every state-changing route called from another site, and methods that must not
 * change state. Every case: the exact status and error code, no credential issued, the store
 * unchanged.
 */
let target: AttackTarget;

test.beforeAll(async () => {
  target = await startAttackTarget('e2e-attacks-requests');
});

test.afterAll(async () => {
  await target?.stop();
});

// ---------------------------------------------------------------------------------------------
// Routes, found on disk at test time: a route added later is attacked without editing this file.
// ---------------------------------------------------------------------------------------------

const STATE_CHANGING = ['POST', 'PUT', 'DELETE', 'PATCH'] as const;
const ALL_METHODS = ['GET', 'HEAD', ...STATE_CHANGING] as const;

interface RouteFile {
  /** The URL path, with a dynamic segment filled in (`[id]` -> `x`). */
  path: string;
  methods: Set<string>;
}

function findRoutes(directory: string): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(directory)) {
    const full = join(directory, entry);
    if (statSync(full).isDirectory()) found.push(...findRoutes(full));
    else if (entry === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      const methods = new Set(
        [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|HEAD|POST|PUT|DELETE|PATCH)\b/g)].map((m) => m[1] ?? ''),
      );
      const segments = relative('app', directory)
        .split(sep)
        .map((segment) => (/^\[.+\]$/.test(segment) ? 'x' : segment));
      found.push({ path: `/${segments.join('/')}`, methods });
    }
  }
  return found;
}

const ROUTES = findRoutes('app').sort((a, b) => (a.path < b.path ? -1 : 1));

test('the route scan finds the API (a broken scan would make the tables below empty)', () => {
  expect(ROUTES.map((route) => route.path)).toEqual(
    expect.arrayContaining(['/api/session/login', '/api/jwt/refresh', '/api/admin/settings']),
  );
  expect(ROUTES.find((route) => route.path === '/api/jwt/refresh')?.methods).toEqual(new Set(['GET', 'POST', 'DELETE']));
});

// ---------------------------------------------------------------------------------------------
// Every state-changing route from another site
// ---------------------------------------------------------------------------------------------

const CROSS_SITE_SIGNALS: { name: string; headers: Record<string, string> }[] = [
  { name: 'Origin of another site', headers: { origin: 'https://evil.example' } },
  { name: 'Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site' } },
  { name: 'Origin: null (sandboxed iframe, data: URL)', headers: { origin: 'null' } },
  { name: 'Origin of a sibling port on the same host', headers: { origin: 'http://127.0.0.1:1' } },
];

/**
 * The lab's CSRF target (case 10) skips the cross-site check on purpose: it is the mistake that
 * case shows breaking (e2e/lab-cookie-flags.spec.ts), and it moves only lab play money.
 */
const WITHOUT_CROSS_SITE_CHECK_ON_PURPOSE = new Set(['/api/lab/cookie-flags/transfer']);

test('only lab routes are spared the cross-site check, and only the ones named', () => {
  for (const path of WITHOUT_CROSS_SITE_CHECK_ON_PURPOSE) {
    expect(path.startsWith('/api/lab/')).toBe(true);
    expect(ROUTES.map((route) => route.path)).toContain(path);
  }
});

/**
 * The admin's and a user's cookies, signed in once for the whole table: every case must leave the
 * store unchanged, so the credentials stay valid from one case to the next, and two logins per
 * case were a good part of the suite's time.
 */
let signedIn: Promise<string> | null = null;
function signedInBrowserCookies(): Promise<string> {
  signedIn ??= (async () => {
    const session = issuedCookie(await logIn(target, '/api/session/login', target.user(0)), 'session');
    return `${(await adminCookie(target)).cookie}; ${cookieHeader('session', session ?? '').cookie}`;
  })();
  return signedIn;
}

for (const route of ROUTES.filter((candidate) => !WITHOUT_CROSS_SITE_CHECK_ON_PURPOSE.has(candidate.path))) {
  for (const method of STATE_CHANGING.filter((m) => route.methods.has(m))) {
    for (const signal of CROSS_SITE_SIGNALS) {
      test(`cross-site ${method} ${route.path} (${signal.name}) is refused with 403 before it runs`, async () => {
        // With the admin's and a user's cookies attached, as a browser would send them on a
        // cross-site form post if SameSite did not stop it: the refusal must not depend on them.
        const credentials = await signedInBrowserCookies();
        await expectStoreUnchanged(target, async () => {
          const response = await send(target, method, route.path, {
            headers: { ...signal.headers, cookie: credentials },
            data: { username: target.user(0).username, password: target.user(0).password, denylist: true, kid: 'x', refresh_token: 'x' },
          });
          await expectRefusal(response, 403, 'cross_site_request');
        });
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// GET / HEAD on state-changing routes change nothing; unsupported methods are 405
// ---------------------------------------------------------------------------------------------

/** A signed-in browser's every cookie: whatever a safe method does with them, it must not change state. */
async function everyCredential(): Promise<string> {
  const session = issuedCookie(await logIn(target, '/api/session/login', target.user(1)), 'session');
  const jwt = await logIn(target, '/api/jwt/login', target.user(1));
  return [
    (await adminCookie(target)).cookie,
    cookieHeader('session', session ?? '').cookie,
    cookieHeader('accessToken', issuedCookie(jwt, 'accessToken') ?? '').cookie,
    cookieHeader('refreshToken', issuedCookie(jwt, 'refreshToken') ?? '').cookie,
  ].join('; ');
}

/**
 * The method tables below run on the app's own routes. The lab's fifty-odd routes are left out of
 * them: a method a route does not export is answered 405 by Next before any of the route's code
 * runs, which these tables prove on every real route; repeating it per lab route added some 300 tests
 * and nothing new. The lab routes stay in the cross-site table above.
 */
const APP_ROUTES = ROUTES.filter((route) => !route.path.startsWith('/api/lab/'));

for (const route of APP_ROUTES.filter((r) => STATE_CHANGING.some((m) => r.methods.has(m)))) {
  for (const method of ['GET', 'HEAD'] as const) {
    const exported = route.methods.has('GET');
    test(`${method} ${route.path} with every credential ${exported ? 'only reads' : 'is 405'} and changes nothing`, async () => {
      const cookie = await everyCredential();
      await expectStoreUnchanged(target, async () => {
        const response = await send(target, method, route.path, { headers: { cookie } });
        expectNoCredentialIssued(response);
        expect(response.status(), await response.text()).toBe(exported ? 200 : 405);
      });
    });
  }
}

for (const route of APP_ROUTES) {
  for (const method of ALL_METHODS.filter((m) => !route.methods.has(m) && !(m === 'HEAD' && route.methods.has('GET')))) {
    test(`${method} ${route.path} is not a method of the route: 405, nothing changed`, async () => {
      await expectStoreUnchanged(target, async () => {
        const response = await send(target, method, route.path, { data: { username: 'x', password: 'y' } });
        expectNoCredentialIssued(response);
        expect(response.status()).toBe(405);
        expect(response.headers()['allow'] ?? '').not.toContain(method);
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Bodies of every bad shape, size and framing
// ---------------------------------------------------------------------------------------------

const LOGIN_ROUTES = ['/api/session/login', '/api/admin/login', '/api/jwt/login', '/api/jwt/token'];

const json = 'application/json';
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Bodies sent through the request context, with their exact answer. */
const BAD_BODIES: { name: string; contentType: string | null; body: string | Buffer; status: number; code: string }[] = [
  { name: 'not JSON', contentType: json, body: 'username=alice&password=x', status: 400, code: 'bad_request' },
  { name: 'a JSON array', contentType: json, body: '["alice","x"]', status: 400, code: 'bad_request' },
  { name: 'a JSON string', contentType: json, body: '"alice"', status: 400, code: 'bad_request' },
  { name: 'JSON null', contentType: json, body: 'null', status: 400, code: 'bad_request' },
  { name: 'fields of the wrong types', contentType: json, body: '{"username":1,"password":true}', status: 400, code: 'bad_request' },
  {
    name: 'password as an object',
    contentType: json,
    body: '{"username":"alice","password":{"$ne":""}}',
    status: 400,
    code: 'bad_request',
  },
  { name: 'missing password', contentType: json, body: '{"username":"alice"}', status: 400, code: 'bad_request' },
  { name: 'an empty object', contentType: json, body: '{}', status: 400, code: 'bad_request' },
  { name: 'a blank username', contentType: json, body: '{"username":"   ","password":"x"}', status: 400, code: 'bad_request' },
  {
    name: 'a 65-character username',
    contentType: json,
    body: JSON.stringify({ username: 'u'.repeat(65), password: 'x' }),
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'a 1025-character password',
    contentType: json,
    body: JSON.stringify({ username: 'alice', password: 'p'.repeat(1025) }),
    status: 400,
    code: 'bad_request',
  },
  { name: 'deeply nested JSON (1000 levels)', contentType: json, body: nested(1000), status: 400, code: 'bad_request' },
  {
    name: 'deeply nested arrays (4000 levels)',
    contentType: json,
    body: `${'['.repeat(4000)}${']'.repeat(4000)}`,
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'invalid UTF-8',
    contentType: json,
    body: Buffer.from([0x7b, 0x22, 0x75, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    status: 400,
    code: 'bad_request',
  },
  { name: 'empty', contentType: json, body: '', status: 400, code: 'bad_request' },
  {
    name: 'valid JSON as text/plain',
    contentType: 'text/plain',
    body: '{"username":"alice","password":"x"}',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'as a form',
    contentType: 'application/x-www-form-urlencoded',
    body: 'username=alice&password=x',
    status: 415,
    code: 'unsupported_media_type',
  },
  { name: 'no Content-Type', contentType: null, body: '{"username":"alice","password":"x"}', status: 415, code: 'unsupported_media_type' },
  {
    name: 'a JSON look-alike type (application/jsonp)',
    contentType: 'application/jsonp',
    body: '{}',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: '1 MB',
    contentType: json,
    body: JSON.stringify({ username: 'alice', password: 'p'.repeat(1024 * 1024) }),
    status: 413,
    code: 'payload_too_large',
  },
];

for (const path of LOGIN_ROUTES) {
  for (const bad of BAD_BODIES) {
    test(`body to ${path}: ${bad.name} -> ${bad.status} ${bad.code}, nothing changed`, async () => {
      const headers: Record<string, string> = bad.contentType === null ? {} : { 'content-type': bad.contentType };
      await expectStoreUnchanged(target, async () => {
        const response = await send(target, 'POST', path, { headers, data: typeof bad.body === 'string' ? bad.body : bad.body });
        await expectRefusal(response, bad.status, bad.code);
      });
    });
  }
}

/**
 * Framing a normal client never produces, sent byte for byte. `code: null` marks what Node's HTTP
 * parser refuses itself, with a bare 400 and no body, before the app sees a request at all.
 */
const BAD_FRAMING: { name: string; send: (path: string) => Promise<RawAnswer>; status: number; code: string | null }[] = [
  {
    name: 'Content-Length larger than the body (the client stops short)',
    send: (path) =>
      rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: 400\nConnection: close`,
        '{"username":"alice"',
        { halfClose: true },
      ),
    status: 400,
    code: null,
  },
  {
    name: 'Content-Length smaller than the body (the rest would be a smuggled request)',
    send: (path) =>
      rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: 12\nConnection: close`,
        `{"username":"alice","password":"x"}GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
      ),
    status: 400,
    code: null,
  },
  {
    name: 'chunked without Content-Length, a bad body',
    send: (path) =>
      rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close`,
        '5\r\n{"use\r\n9\r\nrname":1}\r\n0\r\n\r\n',
      ),
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'chunked without Content-Length, 1 MB',
    send: (path) => {
      const chunk = 'x'.repeat(64 * 1024);
      const chunks = Array.from({ length: 16 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
      return rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close`,
        `${chunks}0\r\n\r\n`,
      );
    },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'Content-Length and Transfer-Encoding both (the classic smuggling pair)',
    send: (path) =>
      rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: 5\nTransfer-Encoding: chunked\nConnection: close`,
        '2\r\n{}\r\n0\r\n\r\n',
      ),
    status: 400,
    code: null,
  },
  {
    name: 'two different Content-Lengths',
    send: (path) =>
      rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: 2\nContent-Length: 40\nConnection: close`,
        '{}',
      ),
    status: 400,
    code: null,
  },
  {
    name: 'chunked with a chunk size that is not hexadecimal',
    send: (path) =>
      rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close`,
        'zz\r\n{}\r\n0\r\n\r\n',
      ),
    status: 400,
    code: null,
  },
  {
    name: 'a declared Content-Length of 1 GB with no body',
    send: (path) =>
      rawRequest(
        target.app.port,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: 1073741824\nConnection: close`,
        '',
        {
          halfClose: true,
        },
      ),
    status: 413,
    code: 'payload_too_large',
  },
];

for (const path of LOGIN_ROUTES) {
  for (const bad of BAD_FRAMING) {
    test(`framing to ${path}: ${bad.name} -> ${bad.status} ${bad.code}, nothing changed`, async () => {
      await expectStoreUnchanged(target, async () => {
        const answer = await bad.send(path);
        expect(answer.status, answer.body).toBe(bad.status);
        // One answer per connection: the bytes past a short Content-Length never run as a request.
        expect(answer.responses).toBe(1);
        if (bad.code === null) expect(answer.body).toBe('');
        else expect(JSON.parse(answer.body)).toMatchObject({ error: bad.code });
        for (const line of answer.setCookies) expect(line).toMatch(/^[^=]+=;.*Max-Age=0/);
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Bad bodies on the other routes that read one, each starting from a body that would change
// state (revoke a user, switch the denylist on, retire a key, rotate or revoke a refresh family):
// a lenient parser would show as a changed store, not only as another status.
// ---------------------------------------------------------------------------------------------

test.describe('bodies on the routes that change state', () => {
  let admin: Record<string, string>;
  let previousKid: string;
  let genuineRefreshToken: string;

  test.beforeAll(async () => {
    admin = await adminCookie(target);
    const rotated = await send(target, 'POST', '/api/admin/keys/rotate', { headers: admin });
    const keys = ((await rotated.json()) as { keys: { kid: string; status: string }[] }).keys;
    previousKid = keys.find((key) => key.status === 'previous')?.kid ?? '';
    genuineRefreshToken = (await tokenLogin(target, target.user(2))).refresh_token;
  });

  /** What a case must get: a refusal, or (the idempotent logout) a 200 that did nothing. */
  type Expected = { status: number; code: string } | { status: 200; nothingDone: true };
  const NOTHING_LOGGED_OUT: Expected = { status: 200, nothingDone: true };

  interface StatefulRoute {
    method: string;
    path: string;
    admin?: boolean;
    valid: () => Record<string, unknown>;
    wrongTypes: Record<string, unknown>;
    missing: Record<string, unknown>;
    tooLong: Record<string, unknown>;
    /** Where this route answers otherwise than the common table, by case name. */
    overrides?: Record<string, Expected>;
  }

  // The refresh route reads a JSON body only when one is declared; otherwise it reads the cookie,
  // and none is sent: POST refuses with refresh_invalid, DELETE (logout, idempotent) does nothing.
  // An over-long string is a well-typed body holding something that is not a token.
  const undeclared = ['valid body as text/plain', 'valid body as a form', 'valid body with no Content-Type'];
  const refreshOverrides = (answer: Expected) => ({
    ...Object.fromEntries(undeclared.map((name) => [name, answer])),
    'over-long strings': answer,
  });

  const STATEFUL_ROUTES: StatefulRoute[] = [
    {
      method: 'POST',
      path: '/api/admin/revoke',
      admin: true,
      valid: () => ({ username: target.user(3).username }),
      wrongTypes: { username: 42 },
      missing: {},
      tooLong: { username: 'u'.repeat(65) },
    },
    {
      method: 'PUT',
      path: '/api/admin/settings',
      admin: true,
      valid: () => ({ denylist: true }),
      wrongTypes: { denylist: 'yes', accessTokenTtlSeconds: '60' },
      missing: {},
      tooLong: { denylist: true, ['x'.repeat(5000)]: 1 },
    },
    {
      method: 'POST',
      path: '/api/admin/keys/retire',
      admin: true,
      valid: () => ({ kid: previousKid }),
      wrongTypes: { kid: 7 },
      missing: {},
      tooLong: { kid: 'k'.repeat(65) },
    },
    {
      method: 'POST',
      path: '/api/jwt/refresh',
      valid: () => ({ refresh_token: genuineRefreshToken }),
      wrongTypes: { refresh_token: 123 },
      missing: {},
      tooLong: { refresh_token: 'r'.repeat(5000) },
      overrides: refreshOverrides({ status: 401, code: 'refresh_invalid' }),
    },
    {
      method: 'DELETE',
      path: '/api/jwt/refresh',
      valid: () => ({ refresh_token: genuineRefreshToken }),
      wrongTypes: { refresh_token: 123 },
      missing: {},
      tooLong: { refresh_token: 'r'.repeat(5000) },
      overrides: refreshOverrides(NOTHING_LOGGED_OUT),
    },
  ];

  const BAD_REQUEST: Expected = { status: 400, code: 'bad_request' };
  const UNSUPPORTED: Expected = { status: 415, code: 'unsupported_media_type' };
  const CASES: { name: string; contentType: string | null; body: (route: StatefulRoute) => string | Buffer; expected: Expected }[] = [
    { name: 'not JSON', contentType: json, body: () => 'username=alice&denylist=true', expected: BAD_REQUEST },
    { name: 'the valid body in a JSON array', contentType: json, body: (route) => JSON.stringify([route.valid()]), expected: BAD_REQUEST },
    { name: 'fields of the wrong types', contentType: json, body: (route) => JSON.stringify(route.wrongTypes), expected: BAD_REQUEST },
    { name: 'missing fields', contentType: json, body: (route) => JSON.stringify(route.missing), expected: BAD_REQUEST },
    { name: 'over-long strings', contentType: json, body: (route) => JSON.stringify(route.tooLong), expected: BAD_REQUEST },
    { name: 'valid body as text/plain', contentType: 'text/plain', body: (route) => JSON.stringify(route.valid()), expected: UNSUPPORTED },
    {
      name: 'valid body as a form',
      contentType: 'application/x-www-form-urlencoded',
      body: (route) => new URLSearchParams(route.valid() as Record<string, string>).toString(),
      expected: UNSUPPORTED,
    },
    { name: 'valid body with no Content-Type', contentType: null, body: (route) => JSON.stringify(route.valid()), expected: UNSUPPORTED },
    {
      name: 'invalid UTF-8',
      contentType: json,
      body: () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      expected: BAD_REQUEST,
    },
    { name: 'empty', contentType: json, body: () => '', expected: BAD_REQUEST },
    {
      name: 'deeply nested arrays (4000 levels)',
      contentType: json,
      body: () => `${'['.repeat(4000)}${']'.repeat(4000)}`,
      expected: BAD_REQUEST,
    },
    {
      name: 'the valid body padded to 1 MB',
      contentType: json,
      body: (route) => JSON.stringify({ ...route.valid(), padding: 'p'.repeat(1024 * 1024) }),
      expected: { status: 413, code: 'payload_too_large' },
    },
  ];

  for (const route of STATEFUL_ROUTES) {
    for (const bad of CASES) {
      const expected = route.overrides?.[bad.name] ?? bad.expected;
      const outcome = 'code' in expected ? `${expected.status} ${expected.code}` : '200, nothing done';
      test(`body to ${route.method} ${route.path}: ${bad.name} -> ${outcome}, nothing changed`, async () => {
        const headers: Record<string, string> = {
          ...(bad.contentType === null ? {} : { 'content-type': bad.contentType }),
          ...(route.admin ? admin : {}),
        };
        await expectStoreUnchanged(target, async () => {
          const response = await send(target, route.method, route.path, { headers, data: bad.body(route) });
          if ('code' in expected) await expectRefusal(response, expected.status, expected.code);
          else {
            expect(response.status(), await response.text()).toBe(200);
            expect(await response.json()).toEqual({ loggedOut: true, familyRevoked: false });
            expectNoCredentialIssued(response);
          }
        });
      });
    }
  }

  test('the valid bodies the cases start from do change state (the cases are not vacuous)', async () => {
    const revoke = STATEFUL_ROUTES[0]!;
    const response = await send(target, revoke.method, revoke.path, {
      headers: { ...admin, 'content-type': json },
      data: JSON.stringify(revoke.valid()),
    });
    expect(response.status(), await response.text()).toBe(200);
    const logout = await send(target, 'DELETE', '/api/jwt/refresh', { data: { refresh_token: genuineRefreshToken } });
    expect(await logout.json()).toEqual({ loggedOut: true, familyRevoked: true });
  });
});
