import { expect, test } from '@playwright/test';
import {
  cookieHeader,
  credentialSetCookies,
  expectRefusal,
  expectStoreUnchanged,
  logInAdmin,
  logInJwt,
  logInSession,
  send,
  startAttackTarget,
  type AttackTarget,
  type HttpAnswer,
} from './attack-helpers';
import { listRouteFiles, STATE_CHANGING_METHODS } from '@/test-utils/route-files';

// Every route handler of the app, read from app/**/route.ts: each state-changing method from
// another site, and each method a route does not have. Every request carries every credential
// (alice's session and tokens, the admin session) and the body that would do the job, so a
// missing check would show up as a changed store.
const ROUTES = listRouteFiles();
let target: AttackTarget;

interface Credentials {
  cookie: string;
  /** The public handle of alice's session, for `/api/session/sessions/[id]`. */
  sessionHandle: string;
  previousKid: string;
}

/** Fresh credentials: a session slides its idle window at most once a minute, so a fresh one is not due. */
async function signInEverywhere(): Promise<Credentials> {
  const session = await logInSession(target);
  const jwt = await logInJwt(target);
  const admin = await logInAdmin(target);
  const cookie = cookieHeader({ session, accessToken: jwt.access, refreshToken: jwt.refresh, adminSession: admin });
  const sessions = (await send(target, { path: '/api/session/sessions', headers: { cookie } })).json as {
    sessions: { id: string; current: boolean }[];
  };
  const keys = (await send(target, { path: '/api/admin/keys', headers: { cookie } })).json as { keys: { kid: string; status: string }[] };
  return {
    cookie,
    sessionHandle: sessions.sessions.find((candidate) => candidate.current)!.id,
    previousKid: keys.keys.find((key) => key.status === 'previous')?.kid ?? 'no-previous-key',
  };
}

let credentials: Credentials;

test.beforeAll(async () => {
  target = await startAttackTarget();
  // A previous key exists, so that "retire" has something real to retire.
  const admin = cookieHeader({ adminSession: await logInAdmin(target) });
  expect((await send(target, { method: 'POST', path: '/api/admin/keys/rotate', headers: { cookie: admin } })).status).toBe(200);
  credentials = await signInEverywhere();
});

test.afterAll(async () => {
  await target?.stop();
});

/** The URL of a route file, dynamic segments filled with something real. */
const urlOf = (path: string, creds: Credentials) => path.replace('[id]', creds.sessionHandle);

/** The body that would make each route do its job; a route added later gets `{}`. */
function bodyFor(method: string, path: string, creds: Credentials): object | undefined {
  const alice = { username: target.alice.username, password: target.alice.password };
  const bodies: Record<string, object | undefined> = {
    'POST /api/session/login': alice,
    'POST /api/jwt/login': alice,
    'POST /api/jwt/token': alice,
    'POST /api/admin/login': { username: target.admin.username, password: target.admin.password },
    'POST /api/admin/revoke': { username: 'alice' },
    'PUT /api/admin/settings': { denylist: true, storeLatencyMs: 2000 },
    'POST /api/admin/keys/retire': { kid: creds.previousKid },
    // The cookie carries what these need.
    'POST /api/jwt/refresh': undefined,
    'DELETE /api/jwt/refresh': undefined,
    'POST /api/admin/keys/rotate': undefined,
    'POST /api/admin/logout': undefined,
    'POST /api/session/logout': undefined,
    'POST /api/session/logout-all': undefined,
    'DELETE /api/session/sessions/[id]': undefined,
  };
  const key = `${method} ${path}`;
  return key in bodies ? bodies[key] : {};
}

test('the route list is read from the source and holds every route this suite knows', () => {
  const known = ['/api/session/login', '/api/jwt/refresh', '/api/admin/settings', '/api/session/sessions/[id]', '/.well-known/jwks.json'];
  expect(ROUTES.map((route) => route.path)).toEqual(expect.arrayContaining(known));
  expect(ROUTES.every((route) => route.methods.length > 0)).toBe(true);
});

const CROSS_SITE: readonly { name: string; headers: () => Record<string, string> }[] = [
  { name: 'Origin of another site', headers: () => ({ origin: 'https://attacker.example' }) },
  { name: 'Sec-Fetch-Site: cross-site', headers: () => ({ 'sec-fetch-site': 'cross-site' }) },
  { name: 'Origin: null (a sandboxed frame, a data: URL)', headers: () => ({ origin: 'null' }) },
  { name: 'Origin of the same host on another port', headers: () => ({ origin: 'http://127.0.0.1:1' }) },
];

for (const route of ROUTES) {
  for (const method of route.methods.filter((candidate) => STATE_CHANGING_METHODS.includes(candidate))) {
    for (const crossSite of CROSS_SITE) {
      test(`${method} ${route.path} from another site (${crossSite.name}): 403 cross_site_request, nothing changed`, async () => {
        await expectStoreUnchanged(target, async () => {
          const answer = await send(target, {
            method,
            path: urlOf(route.path, credentials),
            headers: { cookie: credentials.cookie, ...crossSite.headers() },
            body: bodyFor(method, route.path, credentials),
          });
          expectRefusal(answer, 403, 'cross_site_request');
          expect(answer.setCookies).toEqual([]);
        });
      });
    }
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Next.js answers HEAD with the GET handler (no body); every other missing method is its 405. */
const answersTo = (methods: readonly string[], method: string) =>
  methods.includes(method) || (method === 'HEAD' && methods.includes('GET'));

for (const route of ROUTES) {
  for (const method of METHODS.filter((candidate) => !answersTo(route.methods, candidate))) {
    test(`${method} ${route.path}, a method it does not have: 405 from Next.js, nothing changed`, async () => {
      await expectStoreUnchanged(target, async () => {
        const answer = await send(target, {
          method,
          path: urlOf(route.path, credentials),
          headers: { cookie: credentials.cookie },
          body: method === 'GET' || method === 'HEAD' ? undefined : bodyFor('POST', route.path, credentials),
        });
        expect(answer.status, answer.text).toBe(405);
        expect(answer.setCookies).toEqual([]);
      });
    });
  }
}

/** GET and HEAD of a route that also changes state (e.g. GET /api/jwt/refresh describes, POST rotates). */
const readsBesideWrites = ROUTES.filter(
  (route) => route.methods.includes('GET') && route.methods.some((method) => STATE_CHANGING_METHODS.includes(method)),
);

test('some routes read and write (GET beside POST/PUT/DELETE), so the next tests are not vacuous', () => {
  expect(readsBesideWrites.map((route) => route.path)).toEqual(expect.arrayContaining(['/api/jwt/refresh', '/api/admin/settings']));
});

for (const route of readsBesideWrites) {
  for (const method of ['GET', 'HEAD'] as const) {
    test(`${method} ${route.path} with every credential: 200 and nothing changed (only its write methods write)`, async () => {
      const creds = await signInEverywhere();
      await expectStoreUnchanged(target, async () => {
        const answer: HttpAnswer = await send(target, { method, path: urlOf(route.path, creds), headers: { cookie: creds.cookie } });
        expect(answer.status, answer.text).toBe(200);
        expect(credentialSetCookies(answer.setCookies)).toEqual([]);
      });
    });
  }
}
