/**
 * The lab's promise: nothing it issues or forges gets into the real app. Every lab credential
 * (lib/lab/samples) is sent to every real endpoint that checks a credential, through the real
 * route modules, in every way a client can present one: as a Bearer token, under every name of
 * every real cookie, under its own lab cookie name, and as a refresh token in a JSON body. Each
 * attempt must be refused with a 4xx JSON error; a 2xx or a 5xx fails the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COOKIES } from '@/lib/http/cookies';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';
import type { LabCredentialSample } from './lab-credential-sample';
import { LAB_COOKIES } from './lab-cookies';
import { allLabCredentialSamples } from './samples';

const ORIGIN = 'http://127.0.0.1:3000';
type Handler = (request: Request) => Promise<Response>;

/**
 * Every route module of the real API, found at test time, so a route added later is covered:
 * the session, JWT and admin routes and the user event stream.
 */
const routeModules = import.meta.glob<Record<string, unknown>>([
  '/app/api/session/**/route.ts',
  '/app/api/jwt/**/route.ts',
  '/app/api/admin/**/route.ts',
  '/app/api/events/route.ts',
]);
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
/** Routes that check no credential: the password logins, presence probes and idempotent logouts. */
const CHECK_NO_CREDENTIAL = new Set([
  'POST /api/session/login',
  'POST /api/jwt/login',
  'POST /api/jwt/token',
  'POST /api/admin/login',
  'GET /api/admin/presence',
  'GET /api/jwt/refresh/presence',
  'POST /api/session/logout',
  'POST /api/admin/logout',
  'DELETE /api/jwt/refresh',
]);
/** A well-formed body where a route needs one, so a refusal is about the credential, not the body. */
const BODIES: Record<string, unknown> = {
  'PUT /api/admin/settings': { denylist: true },
  'POST /api/admin/keys/retire': { kid: 'x' },
  'POST /api/admin/revoke': { username: 'alice' },
};

interface RealEndpoint {
  method: string;
  path: string;
  handler: Handler;
  body?: unknown;
}
let REAL_ENDPOINTS: RealEndpoint[] = [];

const REAL_COOKIE_NAMES = Object.values(COOKIES).flatMap((spec) => [spec.secureName, spec.plainName]);

/** Every way a client could present `value` to a real endpoint. */
function presentations(sample: LabCredentialSample): Array<{ how: string; headers: Record<string, string> }> {
  const ways = [
    { how: 'Bearer', headers: { authorization: `Bearer ${sample.value}` } },
    ...REAL_COOKIE_NAMES.map((name) => ({ how: `cookie ${name}`, headers: { cookie: `${name}=${sample.value}` } })),
    { how: 'every real cookie at once', headers: { cookie: REAL_COOKIE_NAMES.map((name) => `${name}=${sample.value}`).join('; ') } },
  ];
  if (sample.labCookie) {
    const name = LAB_COOKIES[sample.labCookie].name;
    ways.push({ how: `its lab cookie ${name}`, headers: { cookie: `${name}=${sample.value}` } });
  }
  return ways;
}

function send(endpoint: RealEndpoint, headers: Record<string, string>, body?: unknown): Promise<Response> {
  const json = body ?? endpoint.body;
  return endpoint.handler(
    new Request(`${ORIGIN}${endpoint.path}`, {
      method: endpoint.method,
      headers: { host: '127.0.0.1:3000', ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: json === undefined ? undefined : JSON.stringify(json),
    }),
  );
}

let samples: LabCredentialSample[];

beforeAll(async () => {
  serveRoutesFrom(createTestApp({ instanceId: 'lab-isolation' }));
  samples = await allLabCredentialSamples();
  for (const [file, load] of Object.entries(routeModules)) {
    const exported = await load();
    const path = file.replace(/^\/app/, '').replace(/\/route\.ts$/, '');
    for (const method of METHODS) {
      const key = `${method} ${path}`;
      if (typeof exported[method] === 'function' && !CHECK_NO_CREDENTIAL.has(key))
        REAL_ENDPOINTS.push({ method, path, handler: exported[method] as Handler, body: BODIES[key] });
    }
  }
  REAL_ENDPOINTS = REAL_ENDPOINTS.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
});

async function expectRefused(response: Response, what: string): Promise<void> {
  expect(response.status, what).toBeGreaterThanOrEqual(400);
  expect(response.status, what).toBeLessThan(500);
  const body = (await response.json()) as { error?: unknown };
  expect(typeof body.error, what).toBe('string');
}

describe('real endpoints refuse every lab credential', () => {
  it('has samples from the lab to replay, and the real endpoints the issue names to replay them at', () => {
    expect(samples.length).toBeGreaterThan(0);
    const names = REAL_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/session/me',
        'GET /api/jwt/me',
        'POST /api/jwt/refresh',
        'GET /api/admin/me',
        'POST /api/admin/revoke',
        'GET /api/admin/sessions',
      ]),
    );
  });

  it('refuses each sample presented as a Bearer token, as any real cookie, or as its own lab cookie', async () => {
    for (const sample of samples) {
      for (const { how, headers } of presentations(sample)) {
        for (const endpoint of REAL_ENDPOINTS) {
          await expectRefused(
            await send(endpoint, headers),
            `${sample.labCase}: ${sample.description} as ${how} to ${endpoint.method} ${endpoint.path}`,
          );
        }
      }
    }
  });

  it('refuses each sample as the refresh token of a JSON refresh request', async () => {
    const refresh = REAL_ENDPOINTS.find((endpoint) => endpoint.method === 'POST' && endpoint.path === '/api/jwt/refresh')!;
    for (const sample of samples) {
      await expectRefused(await send(refresh, {}, { refresh_token: sample.value }), `${sample.labCase}: ${sample.description}`);
    }
  });

  it('would notice a credential the real app accepts (the check above can fail)', async () => {
    const login = await (
      await import('@/app/api/jwt/token/route')
    ).POST(
      new Request(`${ORIGIN}/api/jwt/token`, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', 'content-type': 'application/json' },
        body: JSON.stringify({ username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password }),
      }),
    );
    const { access_token: accessToken } = (await login.json()) as { access_token: string };
    const jwt = REAL_ENDPOINTS.find((endpoint) => endpoint.path === '/api/jwt/me')!;
    expect((await send(jwt, { authorization: `Bearer ${accessToken}` })).status).toBe(200);
  });
});
