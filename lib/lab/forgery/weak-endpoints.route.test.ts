import { beforeAll, describe, expect, it } from 'vitest';
import { GET as algNoneMe } from '@/app/api/lab/alg-none/me/route';
import { POST as algNoneToken } from '@/app/api/lab/alg-none/token/route';
import { GET as algorithmConfusionMe } from '@/app/api/lab/algorithm-confusion/me/route';
import { POST as attackerKeys } from '@/app/api/lab/jku-injection/attacker-keys/route';
import { GET as jkuMe } from '@/app/api/lab/jku-injection/me/route';
import { GET as jwkMe } from '@/app/api/lab/jwk-injection/me/route';
import { POST as jwkToken } from '@/app/api/lab/jwk-injection/token/route';
import { GET as kidMe } from '@/app/api/lab/kid-injection/me/route';
import { POST as kidToken } from '@/app/api/lab/kid-injection/token/route';
import { POST as sensitiveLogin } from '@/app/api/lab/sensitive-payload/login/route';
import { GET as sensitiveMe } from '@/app/api/lab/sensitive-payload/me/route';
import { GET as unverifiedMe } from '@/app/api/lab/unverified-claims/me/route';
import { POST as unverifiedToken } from '@/app/api/lab/unverified-claims/token/route';
import { GET as weakHmacMe } from '@/app/api/lab/weak-hmac-secret/me/route';
import { POST as weakHmacToken } from '@/app/api/lab/weak-hmac-secret/token/route';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';
import { MALFORMED_TOKENS } from './malformed-tokens';

const ORIGIN = 'http://127.0.0.1:3000';
const headers = { host: '127.0.0.1:3000', origin: ORIGIN, 'content-type': 'application/json' };
type Handler = (request: Request) => Promise<Response>;

const meRoutes: Record<string, Handler> = {
  'unverified-claims': unverifiedMe,
  'alg-none': algNoneMe,
  'weak-hmac-secret': weakHmacMe,
  'jwk-injection': jwkMe,
  'jku-injection': jkuMe,
  'kid-injection': kidMe,
  'algorithm-confusion': algorithmConfusionMe,
  'sensitive-payload': sensitiveMe,
};
const tokenRoutes: Record<string, Handler> = {
  'unverified-claims': unverifiedToken,
  'alg-none': algNoneToken,
  'weak-hmac-secret': weakHmacToken,
  'jwk-injection': jwkToken,
  'kid-injection': kidToken,
};

const askMe = (slug: string, authorization?: string) =>
  meRoutes[slug]!(
    new Request(`${ORIGIN}/api/lab/${slug}/me`, { headers: { host: headers.host, ...(authorization ? { authorization } : {}) } }),
  );
const post = (handler: Handler, path: string, body: string) => handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body }));

describe('the token-forgery lab routes, in process', () => {
  beforeAll(() => serveRoutesFrom(createTestApp()));

  it.each(Object.keys(meRoutes))('%s/me answers garbage with a 4xx JSON error, never a 500', async (slug) => {
    for (const token of MALFORMED_TOKENS) {
      const response = await askMe(slug, `Bearer ${token === '' ? 'x' : token}`);
      expect(response.status, token.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(response.status, token.slice(0, 60)).toBeLessThan(500);
      expect(await response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    expect((await askMe(slug)).status).toBe(401);
    expect((await askMe(slug, 'Basic abc')).status).toBe(400);
  });

  it.each(Object.keys(tokenRoutes))('%s/token issues a lab token to alice that its own weak endpoint accepts', async (slug) => {
    const issued = await post(tokenRoutes[slug]!, `/api/lab/${slug}/token`, JSON.stringify({ username: 'alice' }));
    expect(issued.status).toBe(200);
    const { token } = (await issued.json()) as { token: string };
    const me = await askMe(slug, `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { sub: 'usr_alice', role: 'user' }, acceptedBecause: expect.any(String) });
  });

  it('token endpoints refuse the admin, strangers and bad bodies with 4xx', async () => {
    for (const body of [JSON.stringify({ username: 'admin' }), JSON.stringify({ username: 'mallory' }), '{', '[]']) {
      const response = await post(unverifiedToken, '/api/lab/unverified-claims/token', body);
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
    }
  });

  it('case 16 logs in with the real password check and puts the email and hash in the lab token', async () => {
    expect(
      (await post(sensitiveLogin, '/api/lab/sensitive-payload/login', JSON.stringify({ username: 'alice', password: 'wrong' }))).status,
    ).toBe(401);
    const login = await post(
      sensitiveLogin,
      '/api/lab/sensitive-payload/login',
      JSON.stringify({ username: 'alice', password: 'wonderland' }),
    );
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const me = await askMe('sensitive-payload', `Bearer ${token}`);
    expect(await me.json()).toMatchObject({ user: { email: 'alice@example.com', passwordHash: expect.stringMatching(/^\$scrypt\$/) } });
  });

  it('case 7’s attacker shelf refuses a private key', async () => {
    const privateJwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' };
    expect((await post(attackerKeys, '/api/lab/jku-injection/attacker-keys', JSON.stringify({ jwk: privateJwk }))).status).toBe(400);
  });
});
