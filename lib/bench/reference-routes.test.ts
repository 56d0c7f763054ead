/**
 * The bench's reference routes, in process, through the real route modules: off (a JSON 404 from
 * the error table) unless BENCH_ROUTES=1; on, the minimal routes answer 200 with the app's own
 * credentials and their phases in Server-Timing, and 401 without them.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as baseline } from '@/app/api/bench/baseline/route';
import { GET as minimalJwt } from '@/app/api/bench/minimal/jwt/route';
import { GET as minimalSession } from '@/app/api/bench/minimal/session/route';
import { POST as jwtLogin } from '@/app/api/jwt/login/route';
import { POST as sessionLogin } from '@/app/api/session/login/route';
import { POST as sessionLogout } from '@/app/api/session/logout/route';
import { cookieName } from '@/lib/http/cookies';
import type { ServerApp } from '@/lib/server/app';
import { hashPassword } from '@/lib/users/password';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';

const ORIGIN = 'http://127.0.0.1:3000';
const alice = { username: 'alice', password: 'wonderland-123' };
const ENV = {
  SESSION_PASSWORD: randomBytes(32).toString('base64url'),
  DEMO_USERS: JSON.stringify([
    {
      username: alice.username,
      role: 'user',
      passwordHash: await hashPassword(alice.password, { logN: 10, blockSize: 8, parallelization: 1 }),
    },
  ]),
};
const ROUTES = { baseline, minimalSession, minimalJwt } as const;

function get(handler: (request: Request) => Promise<Response>, path: string, headers: Record<string, string> = {}) {
  return handler(new Request(`${ORIGIN}${path}`, { headers: { host: '127.0.0.1:3000', ...headers } }));
}

/** Logs alice in on both doors; returns the Cookie header a browser would send back. */
async function logIn(): Promise<string> {
  const pairs: string[] = [];
  for (const door of [sessionLogin, jwtLogin]) {
    const response = await door(
      new Request(`${ORIGIN}/api/login`, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', 'content-type': 'application/json' },
        body: JSON.stringify(alice),
      }),
    );
    expect(response.status).toBe(200);
    for (const line of response.headers.getSetCookie()) pairs.push(line.split(';')[0]!);
  }
  return pairs.join('; ');
}

const phasesOf = (response: Response) => [...(response.headers.get('server-timing') ?? '').matchAll(/(\w+);dur=/g)].map((m) => m[1]);

describe('bench reference routes, BENCH_ROUTES unset', () => {
  let cookies: string;
  beforeAll(async () => {
    serveRoutesFrom(createTestApp({ env: ENV }));
    cookies = await logIn();
  });

  it.each(Object.entries(ROUTES))('%s answers a JSON 404 from the error table, even with good credentials', async (_, handler) => {
    const response = await get(handler, '/api/bench/x', { cookie: cookies });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', message: expect.stringMatching(/BENCH_ROUTES=1/) });
  });
});

describe('bench reference routes, BENCH_ROUTES=1', () => {
  let app: ServerApp;
  let cookies: string;
  beforeAll(async () => {
    app = createTestApp({ env: { ...ENV, BENCH_ROUTES: '1' } });
    serveRoutesFrom(app);
    cookies = await logIn();
  });

  it('baseline answers 200 without any credential, in the shape of /me', async () => {
    const response = await get(baseline, '/api/bench/baseline');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { username: 'baseline' }, token: { kid: 'baseline' } });
  });

  it('minimal session answers 200 with the app cookie, timing unseal then lookup', async () => {
    const response = await get(minimalSession, '/api/bench/minimal/session', { cookie: cookies });
    expect(response.status).toBe(200);
    expect(phasesOf(response)).toEqual(['unseal', 'lookup']);
    expect(await response.json()).toMatchObject({ user: { username: 'alice', role: 'user' } });
  });

  it('minimal jwt answers 200 with the app access token, by cookie or Bearer, timing verify', async () => {
    const byCookie = await get(minimalJwt, '/api/bench/minimal/jwt', { cookie: cookies });
    expect(byCookie.status).toBe(200);
    expect(phasesOf(byCookie)).toEqual(['verify']);
    // 127.0.0.1 is a secure context, so the cookie carries its `__Host-` name.
    const token = new RegExp(`(?:^|; )${cookieName('accessToken', true)}=([^;]+)`).exec(cookies)?.[1];
    expect(token).toMatch(/^eyJ/);
    const byBearer = await get(minimalJwt, '/api/bench/minimal/jwt', { authorization: `Bearer ${token}` });
    expect(byBearer.status).toBe(200);
    expect(await byBearer.json()).toMatchObject({ user: { username: 'alice' }, token: { kid: expect.any(String) } });
  });

  it('minimal routes answer 401 without a credential, or with one that does not check out', async () => {
    for (const handler of [minimalSession, minimalJwt]) {
      const response = await get(handler, '/api/bench/minimal');
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
    }
    const forged = cookies.replace(/=Fe26\.2\*([^;]{10})/, '=Fe26.2*AAAAAAAAAA').replace(/=eyJ([^;.]*)\.([^;.]*)\.[^;]*/, '=eyJ$1.$2.AAAA');
    const session = await get(minimalSession, '/api/bench/minimal/session', { cookie: forged });
    expect(session.status).toBe(401);
    expect(phasesOf(session)).toEqual(['unseal']);
    const jwt = await get(minimalJwt, '/api/bench/minimal/jwt', { cookie: forged });
    expect(jwt.status).toBe(401);
    expect(await jwt.json()).toMatchObject({ error: 'invalid_token' });
  });

  it('minimal session looks the record up: after logout the same cookie is a 401', async () => {
    const logout = await sessionLogout(
      new Request(`${ORIGIN}/api/session/logout`, { method: 'POST', headers: { host: '127.0.0.1:3000', cookie: cookies } }),
    );
    expect(logout.status).toBeLessThan(300);
    const response = await get(minimalSession, '/api/bench/minimal/session', { cookie: cookies });
    expect(response.status).toBe(401);
    expect(phasesOf(response)).toEqual(['unseal', 'lookup']);
    expect(await response.json()).toMatchObject({ error: 'session_invalid' });
    expect(app.config.benchRoutes).toBe(true);
  });
});
