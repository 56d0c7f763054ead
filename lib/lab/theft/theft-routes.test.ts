/**
 * The theft demo's lab routes, in process through the real route modules: the lab sign-in needs a
 * real access token, the no-rotation token serves two holders forever, the no-grace variant takes
 * a second tab for a thief, and the real endpoints refuse what the lab hands out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as labMe } from '@/app/api/lab/theft/me/route';
import { POST as labLogin } from '@/app/api/lab/theft/login/route';
import { POST as labRefresh } from '@/app/api/lab/theft/refresh/route';
import { GET as labSettings } from '@/app/api/lab/theft/settings/route';
import { GET as jwtMe } from '@/app/api/jwt/me/route';
import { POST as jwtRefresh } from '@/app/api/jwt/refresh/route';
import { POST as jwtToken } from '@/app/api/jwt/token/route';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';

const ORIGIN = 'http://127.0.0.1:3000';
type Handler = (request: Request) => Promise<Response>;

function call(handler: Handler, path: string, init: { method?: string; body?: unknown; bearer?: string } = {}): Promise<Response> {
  return handler(
    new Request(`${ORIGIN}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        host: '127.0.0.1:3000',
        origin: ORIGIN,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.bearer === undefined ? {} : { authorization: `Bearer ${init.bearer}` }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

let realAccessToken: string;

beforeAll(async () => {
  serveRoutesFrom(createTestApp({ instanceId: 'lab-theft' }));
  const login = await call(jwtToken, '/api/jwt/token', {
    body: { username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password },
  });
  expect(login.status).toBe(200);
  realAccessToken = ((await login.json()) as Tokens).access_token;
});

async function labSignIn(variant: string): Promise<Tokens> {
  const response = await call(labLogin, '/api/lab/theft/login', { body: { variant }, bearer: realAccessToken });
  expect(response.status).toBe(200);
  return (await response.json()) as Tokens;
}

describe('the theft lab routes', () => {
  it('report the real settings the page times itself by', async () => {
    const response = await call(labSettings, '/api/lab/theft/settings');
    expect(await response.json()).toEqual({ accessTokenTtlSeconds: 900, refreshGraceSeconds: 10, denylist: false });
  });

  it('sign in to the lab only with a real access token, and refuse bad input with a 4xx', async () => {
    expect((await call(labLogin, '/api/lab/theft/login', { body: { variant: 'no-rotation' } })).status).toBe(401);
    const badVariant = await call(labLogin, '/api/lab/theft/login', { body: { variant: 'rotation' }, bearer: realAccessToken });
    expect(badVariant.status).toBe(400);
    expect(((await badVariant.json()) as { error: string }).error).toBe('bad_request');
    expect((await call(labRefresh, '/api/lab/theft/refresh', { body: { variant: 'no-rotation' } })).status).toBe(400);
    expect((await call(labRefresh, '/api/lab/theft/refresh', { body: { variant: 'no-rotation', refresh_token: 'labrt.x' } })).status).toBe(
      401,
    );
    expect((await call(labMe, '/api/lab/theft/me', { bearer: realAccessToken })).status).toBe(401);
  });

  it('no-rotation: the victim and the thief both refresh with the same token, again and again', async () => {
    const { refresh_token: stolen, access_token } = await labSignIn('no-rotation');
    expect(
      ((await (await call(labMe, '/api/lab/theft/me', { bearer: access_token })).json()) as { user: { username: string } }).user.username,
    ).toBe(DEFAULT_DEMO_USER.username);
    for (let round = 1; round <= 3; round += 1) {
      for (const holder of ['victim', 'thief']) {
        const response = await call(labRefresh, '/api/lab/theft/refresh', { body: { variant: 'no-rotation', refresh_token: stolen } });
        expect(response.status, `${holder}, round ${round}`).toBe(200);
        expect(((await response.json()) as Tokens).refresh_token).toBe(stolen);
      }
    }
  });

  it('no-grace: a second tab presenting the rotated token a moment later revokes the whole lab family', async () => {
    const { refresh_token } = await labSignIn('no-grace');
    const tabA = await call(labRefresh, '/api/lab/theft/refresh', { body: { variant: 'no-grace', refresh_token } });
    expect(tabA.status).toBe(200);
    const successor = ((await tabA.json()) as Tokens).refresh_token;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const tabB = await call(labRefresh, '/api/lab/theft/refresh', { body: { variant: 'no-grace', refresh_token } });
    expect(((await tabB.json()) as { error: string }).error).toBe('refresh_reused');
    const tabAAgain = await call(labRefresh, '/api/lab/theft/refresh', { body: { variant: 'no-grace', refresh_token: successor } });
    expect(((await tabAAgain.json()) as { error: string }).error).toBe('refresh_revoked');
  });

  it('hands out nothing the real endpoints accept', async () => {
    for (const variant of ['no-rotation', 'no-grace']) {
      const lab = await labSignIn(variant);
      expect((await call(jwtMe, '/api/jwt/me', { bearer: lab.access_token })).status).toBe(401);
      expect((await call(jwtRefresh, '/api/jwt/refresh', { body: { refresh_token: lab.refresh_token } })).status).toBe(401);
    }
  });
});
