/**
 * The lab's promise: nothing it issues or forges gets into the real app. Every lab credential
 * (lib/lab/samples) is sent to every real endpoint that checks a credential, through the real
 * route modules, in every way a client can present one: as a Bearer token, under every name of
 * every real cookie, under its own lab cookie name, and as a refresh token in a JSON body. Each
 * attempt must be refused with a 4xx JSON error; a 2xx or a 5xx fails the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as adminEvents } from '@/app/api/admin/events/route';
import { GET as adminKeys } from '@/app/api/admin/keys/route';
import { POST as adminRetireKey } from '@/app/api/admin/keys/retire/route';
import { POST as adminRotateKey } from '@/app/api/admin/keys/rotate/route';
import { GET as adminMe } from '@/app/api/admin/me/route';
import { POST as adminRevoke } from '@/app/api/admin/revoke/route';
import { GET as adminSettings, PUT as adminPutSettings } from '@/app/api/admin/settings/route';
import { GET as jwtInspect } from '@/app/api/jwt/inspect/route';
import { GET as jwtMe } from '@/app/api/jwt/me/route';
import { GET as jwtDescribeRefresh, POST as jwtRefresh } from '@/app/api/jwt/refresh/route';
import { GET as sessionInspect } from '@/app/api/session/inspect/route';
import { POST as sessionLogoutAll } from '@/app/api/session/logout-all/route';
import { GET as sessionMe } from '@/app/api/session/me/route';
import { GET as sessionList } from '@/app/api/session/sessions/route';
import { COOKIES } from '@/lib/http/cookies';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';
import type { LabCredentialSample } from './lab-credential-sample';
import { LAB_COOKIES } from './lab-cookies';
import { allLabCredentialSamples } from './samples';

const ORIGIN = 'http://127.0.0.1:3000';
type Handler = (request: Request) => Promise<Response>;

const REAL_ENDPOINTS: ReadonlyArray<{ method: string; path: string; handler: Handler; body?: unknown }> = [
  { method: 'GET', path: '/api/session/me', handler: sessionMe },
  { method: 'GET', path: '/api/session/inspect', handler: sessionInspect },
  { method: 'GET', path: '/api/session/sessions', handler: sessionList },
  { method: 'POST', path: '/api/session/logout-all', handler: sessionLogoutAll },
  { method: 'GET', path: '/api/jwt/me', handler: jwtMe },
  { method: 'GET', path: '/api/jwt/inspect', handler: jwtInspect },
  { method: 'GET', path: '/api/jwt/refresh', handler: jwtDescribeRefresh },
  { method: 'POST', path: '/api/jwt/refresh', handler: jwtRefresh },
  { method: 'GET', path: '/api/admin/me', handler: adminMe },
  { method: 'GET', path: '/api/admin/settings', handler: adminSettings },
  { method: 'PUT', path: '/api/admin/settings', handler: adminPutSettings, body: { denylistEnabled: true } },
  { method: 'GET', path: '/api/admin/keys', handler: adminKeys },
  { method: 'POST', path: '/api/admin/keys/rotate', handler: adminRotateKey },
  { method: 'POST', path: '/api/admin/keys/retire', handler: adminRetireKey, body: { kid: 'x' } },
  { method: 'POST', path: '/api/admin/revoke', handler: adminRevoke, body: { username: 'alice' } },
  { method: 'GET', path: '/api/admin/events', handler: adminEvents },
];

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

function send(endpoint: (typeof REAL_ENDPOINTS)[number], headers: Record<string, string>, body?: unknown): Promise<Response> {
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
});

async function expectRefused(response: Response, what: string): Promise<void> {
  expect(response.status, what).toBeGreaterThanOrEqual(400);
  expect(response.status, what).toBeLessThan(500);
  const body = (await response.json()) as { error?: unknown };
  expect(typeof body.error, what).toBe('string');
}

describe('real endpoints refuse every lab credential', () => {
  it('has samples from the lab to replay', () => {
    expect(samples.length).toBeGreaterThan(0);
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
