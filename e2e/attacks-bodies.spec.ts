import { expect, test } from '@playwright/test';
import {
  cookieHeader,
  credentialSetCookies,
  expectRefusal,
  expectStoreUnchanged,
  logInAdmin,
  logInJwt,
  rawHead,
  send,
  sendRaw,
  startAttackTarget,
  type AttackTarget,
  type HttpAnswer,
  type RawAnswer,
} from './attack-helpers';

// Request bodies of every bad shape, size and framing, sent to every route that reads one. Each
// route's well-formed body would change state (log in, revoke, rotate, change a setting), so a
// lenient parser would show up as a changed store, not just as a different status.
let target: AttackTarget;
let adminCookie: string;
/** A key the admin rotated out, so that retiring it is a real change. */
let previousKid: string;
let genuineRefreshToken: string;

test.beforeAll(async () => {
  target = await startAttackTarget();
  adminCookie = await logInAdmin(target);
  const rotated = await send(target, {
    method: 'POST',
    path: '/api/admin/keys/rotate',
    headers: { cookie: cookieHeader({ adminSession: adminCookie }) },
  });
  previousKid = (rotated.json as { keys: { kid: string; status: string }[] }).keys.find((key) => key.status === 'previous')!.kid;
  genuineRefreshToken = (await logInJwt(target, target.bob)).refresh;
});

test.afterAll(async () => {
  await target?.stop();
});

/** What a case must be answered with. */
type Expected =
  | { status: number; code: string }
  /** A success that changed nothing, e.g. the idempotent logout with no usable token. */
  | { status: 200; body: unknown }
  /** Refused by Node's HTTP parser before the app saw a request: a bare 400, no JSON. */
  | { status: 400; parser: true };

interface BodyRoute {
  method: string;
  path: string;
  admin?: boolean;
  /** The body that would change state if it were accepted. */
  valid: () => Record<string, unknown>;
  wrongTypes: Record<string, unknown>;
  missing: Record<string, unknown>;
  tooLong: Record<string, unknown>;
  /** Where this route answers differently from the common table, and why. */
  overrides?: Partial<Record<string, Expected>>;
}

const credentials = () => ({ username: target.alice.username, password: target.alice.password });
const CREDENTIAL_SHAPES = {
  valid: credentials,
  wrongTypes: { username: 12345, password: 67890 },
  missing: { username: 'alice' },
  tooLong: { username: 'a'.repeat(65), password: 'p'.repeat(1025) },
};

// The refresh route reads a JSON body only when one is declared; otherwise it uses the cookie,
// and here there is none: POST then answers refresh_invalid and DELETE (logout, idempotent) a
// no-op 200. An over-long string is a well-typed body holding a token that is not one.
const NOT_DECLARED_JSON = ['wrong Content-Type (text/plain)', 'form-urlencoded', 'no Content-Type'];
const refreshOverrides = (undeclared: Expected, tooLong: Expected): Partial<Record<string, Expected>> => ({
  ...Object.fromEntries(NOT_DECLARED_JSON.map((name) => [name, undeclared])),
  'extra-long strings': tooLong,
});
const NOTHING_LOGGED_OUT: Expected = { status: 200, body: { loggedOut: true, familyRevoked: false } };

const ROUTES: readonly BodyRoute[] = [
  { method: 'POST', path: '/api/session/login', ...CREDENTIAL_SHAPES },
  { method: 'POST', path: '/api/jwt/login', ...CREDENTIAL_SHAPES },
  { method: 'POST', path: '/api/jwt/token', ...CREDENTIAL_SHAPES },
  {
    method: 'POST',
    path: '/api/admin/login',
    ...CREDENTIAL_SHAPES,
    valid: () => ({ username: target.admin.username, password: target.admin.password }),
  },
  {
    method: 'POST',
    path: '/api/admin/revoke',
    admin: true,
    valid: () => ({ username: 'bob' }),
    wrongTypes: { username: 42 },
    missing: {},
    tooLong: { username: 'b'.repeat(65) },
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
    overrides: refreshOverrides({ status: 401, code: 'refresh_invalid' }, { status: 401, code: 'refresh_invalid' }),
  },
  {
    method: 'DELETE',
    path: '/api/jwt/refresh',
    valid: () => ({ refresh_token: genuineRefreshToken }),
    wrongTypes: { refresh_token: 123 },
    missing: {},
    tooLong: { refresh_token: 'r'.repeat(5000) },
    overrides: refreshOverrides(NOTHING_LOGGED_OUT, NOTHING_LOGGED_OUT),
  },
];

const MEGABYTE = 1024 * 1024;
const json = 'application/json';
/** `[[[…]]]`: two bytes a level, the classic way to exhaust a recursive parser's stack. */
const deeplyNested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** A 1 MB JSON document that is otherwise exactly the valid body: only its size is wrong. */
const oneMegabyteOf = (valid: Record<string, unknown>) => JSON.stringify({ ...valid, padding: 'x'.repeat(MEGABYTE) });
const chunked = (body: string, chunkSize = 64 * 1024) => {
  const pieces: string[] = [];
  for (let offset = 0; offset < body.length; offset += chunkSize) {
    const chunk = body.slice(offset, offset + chunkSize);
    pieces.push(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`);
  }
  return [...pieces, '0\r\n\r\n'];
};

interface BodyCase {
  name: string;
  expected: Expected;
  /** Sends the case to `route` with `headers` (the admin cookie when the route needs it). */
  send: (route: BodyRoute, headers: Record<string, string>) => Promise<HttpAnswer | RawAnswer>;
}

const viaHttp =
  (contentType: string | null, body: (route: BodyRoute) => string | Buffer) => (route: BodyRoute, headers: Record<string, string>) =>
    send(target, {
      method: route.method,
      path: route.path,
      headers: contentType === null ? headers : { ...headers, 'content-type': contentType },
      body: body(route),
    });

const viaRaw =
  (extraHead: Record<string, string>, pieces: (route: BodyRoute) => (string | Buffer)[], options: { endAfterWriting?: boolean } = {}) =>
  (route: BodyRoute, headers: Record<string, string>) =>
    sendRaw(target, [rawHead(target, route.method, route.path, { 'Content-Type': json, ...headers, ...extraHead }), ...pieces(route)], {
      pauseMs: 2,
      ...options,
    });

const BAD_REQUEST: Expected = { status: 400, code: 'bad_request' };
const UNSUPPORTED: Expected = { status: 415, code: 'unsupported_media_type' };
const TOO_LARGE: Expected = { status: 413, code: 'payload_too_large' };
const PARSER: Expected = { status: 400, parser: true };

const CASES: readonly BodyCase[] = [
  { name: 'not JSON', expected: BAD_REQUEST, send: viaHttp(json, () => 'username=alice&password=wonderland') },
  { name: 'a JSON array', expected: BAD_REQUEST, send: viaHttp(json, (route) => JSON.stringify([route.valid()])) },
  { name: 'JSON null', expected: BAD_REQUEST, send: viaHttp(json, () => 'null') },
  { name: 'a JSON string', expected: BAD_REQUEST, send: viaHttp(json, (route) => JSON.stringify(JSON.stringify(route.valid()))) },
  { name: 'numbers for strings', expected: BAD_REQUEST, send: viaHttp(json, (route) => JSON.stringify(route.wrongTypes)) },
  { name: 'missing fields', expected: BAD_REQUEST, send: viaHttp(json, (route) => JSON.stringify(route.missing)) },
  { name: 'extra-long strings', expected: BAD_REQUEST, send: viaHttp(json, (route) => JSON.stringify(route.tooLong)) },
  { name: 'wrong Content-Type (text/plain)', expected: UNSUPPORTED, send: viaHttp('text/plain', (route) => JSON.stringify(route.valid())) },
  {
    name: 'form-urlencoded',
    expected: UNSUPPORTED,
    send: viaHttp('application/x-www-form-urlencoded', (route) => new URLSearchParams(route.valid() as Record<string, string>).toString()),
  },
  { name: 'no Content-Type', expected: UNSUPPORTED, send: viaHttp(null, (route) => JSON.stringify(route.valid())) },
  {
    name: 'a JSON look-alike Content-Type (application/jsonp)',
    expected: UNSUPPORTED,
    send: viaHttp('application/jsonp', (route) => JSON.stringify(route.valid())),
  },
  { name: 'empty body', expected: BAD_REQUEST, send: viaHttp(json, () => '') },
  {
    name: 'invalid UTF-8',
    expected: BAD_REQUEST,
    send: viaHttp(json, () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  },
  { name: 'deeply nested JSON (4000 levels, under the size limit)', expected: BAD_REQUEST, send: viaHttp(json, () => deeplyNested(4000)) },
  { name: '1 MB with Content-Length', expected: TOO_LARGE, send: viaHttp(json, (route) => oneMegabyteOf(route.valid())) },
  {
    name: 'chunked without length, 1 MB',
    expected: TOO_LARGE,
    send: viaRaw({ 'Transfer-Encoding': 'chunked' }, (route) => chunked(oneMegabyteOf(route.valid()))),
  },
  {
    name: 'chunked without length, deeply nested JSON of 1 MB',
    expected: TOO_LARGE,
    send: viaRaw({ 'Transfer-Encoding': 'chunked' }, () => chunked(deeplyNested(MEGABYTE / 2))),
  },
  {
    name: 'chunked without length, not JSON',
    expected: BAD_REQUEST,
    send: viaRaw({ 'Transfer-Encoding': 'chunked' }, () => chunked('username=alice&password=wonderland')),
  },
  {
    name: 'Content-Length larger than the body (the client gives up)',
    expected: PARSER,
    send: viaRaw({ 'Content-Length': '4096' }, (route) => [JSON.stringify(route.valid())], { endAfterWriting: true }),
  },
  {
    name: 'Content-Length smaller than the body',
    expected: PARSER,
    send: viaRaw({ 'Content-Length': '10' }, (route) => [`${JSON.stringify(route.valid())}GARBAGE AFTER THE BODY\r\n\r\n`]),
  },
  {
    name: 'Content-Length and Transfer-Encoding both',
    expected: PARSER,
    send: viaRaw({ 'Content-Length': '5', 'Transfer-Encoding': 'chunked' }, (route) => chunked(JSON.stringify(route.valid()))),
  },
  {
    name: 'two different Content-Lengths',
    expected: PARSER,
    send: (route, headers) => {
      const body = JSON.stringify(route.valid());
      const head = rawHead(target, route.method, route.path, { 'Content-Type': json, ...headers, 'Content-Length': '5' });
      return sendRaw(target, [head.replace(/\r\n\r\n$/, `\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`), body]);
    },
  },
  {
    name: 'chunked with a malformed chunk size',
    expected: PARSER,
    send: viaRaw({ 'Transfer-Encoding': 'chunked' }, (route) => [`zz\r\n${JSON.stringify(route.valid())}\r\n0\r\n\r\n`]),
  },
];

function expectAnswer(answer: HttpAnswer | RawAnswer, expected: Expected): void {
  const context = `${answer.status} ${answer.text.slice(0, 300)}`;
  const setCookies = 'setCookies' in answer ? answer.setCookies : (answer.headers['set-cookie'] ?? []);
  if ('code' in expected) {
    expectRefusal({ ...answer, setCookies, headers: {} }, expected.status, expected.code);
  } else if ('body' in expected) {
    expect(answer.status, context).toBe(200);
    expect(answer.json, context).toEqual(expected.body);
    expect(credentialSetCookies(setCookies)).toEqual([]);
  } else {
    // Node's own parser refused the framing: the app never ran, and says so by not answering in JSON.
    expect(answer.status, 'raw' in answer ? answer.raw : context).toBe(400);
    expect(answer.json).toBeUndefined();
    expect(setCookies).toEqual([]);
  }
}

for (const route of ROUTES) {
  test.describe(`${route.method} ${route.path}`, () => {
    for (const bodyCase of CASES) {
      const expected = route.overrides?.[bodyCase.name] ?? bodyCase.expected;
      const outcome =
        'code' in expected ? `${expected.status} ${expected.code}` : 'body' in expected ? '200, nothing done' : "400 from Node's parser";
      test(`${bodyCase.name}: ${outcome}, the store unchanged`, async () => {
        const headers: Record<string, string> = route.admin ? { cookie: cookieHeader({ adminSession: adminCookie }) } : {};
        await expectStoreUnchanged(target, async () => expectAnswer(await bodyCase.send(route, headers), expected));
      });
    }
  });
}

test('the well-formed bodies the cases start from do change state (the cases above are not vacuous)', async () => {
  // One route is enough to show the harness: the admin revoke, with the body the cases corrupt.
  const revoke = ROUTES.find((route) => route.path === '/api/admin/revoke')!;
  const answer = await send(target, {
    method: revoke.method,
    path: revoke.path,
    headers: { cookie: cookieHeader({ adminSession: adminCookie }) },
    body: revoke.valid(),
  });
  expect(answer.status, answer.text).toBe(200);
});
