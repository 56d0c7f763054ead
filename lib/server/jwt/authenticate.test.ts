/**
 * Which access token a request presents: only `Authorization: Bearer` replaces the cookie, and a
 * credential cookie sent twice (cookie tossing) counts as no credential, for every reader.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '@/test-utils/test-app';
import type { RequestContext } from '../http/context';
import { noContent } from '../http/reply';
import { createRouteWrapper } from '../http/route';
import { logInWithPassword } from '../session/login';
import { authenticateSession } from '../session/authenticate';
import { logInForTokens } from './issue';
import { authenticateJwtRequest } from './authenticate';

const alice = { username: 'alice', password: 'alice-password' };
const app = createTestApp({
  env: { SESSION_PASSWORD: randomBytes(32).toString('base64url'), DEMO_USERS: JSON.stringify([{ ...alice, role: 'user' }]) },
});

async function inRequest<T>(work: (ctx: RequestContext) => Promise<T>, headers: Record<string, string> = {}): Promise<T> {
  let result: { value: T } | undefined;
  await createRouteWrapper(() => app)(async (ctx) => {
    result = { value: await work(ctx) };
    return noContent();
  })(new Request('http://127.0.0.1:3000/api/test', { headers: { host: '127.0.0.1:3000', ...headers } }));
  if (result === undefined) throw new Error('the handler did not run');
  return result.value;
}

async function accessToken(): Promise<string> {
  const issued = await inRequest((ctx) => logInForTokens(ctx, alice, 'token-endpoint'));
  if (!issued.ok) throw new Error('login failed');
  return issued.tokens.access.token;
}

describe('the access token of a request', () => {
  it('comes from the cookie when the Authorization header has another scheme (Basic from a staging proxy)', async () => {
    const token = await accessToken();
    const auth = await inRequest((ctx) => authenticateJwtRequest(ctx), {
      authorization: 'Basic c3RhZ2luZzpzZWNyZXQ=',
      cookie: `__Host-access-token=${token}`,
    });
    expect(auth).toMatchObject({ ok: true, viaBearer: false });
  });

  it('comes from a Bearer header, whatever the case of the scheme', async () => {
    const token = await accessToken();
    expect(await inRequest((ctx) => authenticateJwtRequest(ctx), { authorization: `bearer ${token}` })).toMatchObject({
      ok: true,
      viaBearer: true,
    });
  });

  it.each(['Bearer', 'Bearer ', 'Bearer a b'])(
    'a malformed Bearer header %j is an invalid token, even with a good cookie',
    async (authorization) => {
      const token = await accessToken();
      const auth = await inRequest((ctx) => authenticateJwtRequest(ctx), { authorization, cookie: `__Host-access-token=${token}` });
      expect(auth).toMatchObject({ ok: false, code: 'invalid_token' });
    },
  );

  it('is absent when the access-token cookie is sent twice, even if one copy is valid', async () => {
    const token = await accessToken();
    const auth = await inRequest((ctx) => authenticateJwtRequest(ctx), {
      cookie: `__Host-access-token=forged; __Host-access-token=${token}`,
    });
    expect(auth).toMatchObject({ ok: false, code: 'unauthenticated' });
  });
});

describe('a session cookie sent twice', () => {
  it('is no session, whichever copy is the real one', async () => {
    const started = await inRequest((ctx) => logInWithPassword(ctx, alice, 'user'));
    if (!started.ok || !('value' in started.cookie)) throw new Error('login failed');
    const session = started.cookie.value;
    expect(await inRequest((ctx) => authenticateSession(ctx), { cookie: `__Host-session=${session}` })).toMatchObject({ ok: true });
    for (const cookie of [`__Host-session=${session}; __Host-session=planted`, `__Host-session=planted; __Host-session=${session}`]) {
      expect(await inRequest((ctx) => authenticateSession(ctx), { cookie })).toMatchObject({ ok: false, code: 'unauthenticated' });
    }
  });
});
