/**
 * Credentials outlive the configuration: a session, an access token and a refresh family all carry
 * a copy of the user made at login. Two apps on one store stand for the deployment before and
 * after DEMO_USERS changed (carol removed, dave demoted from admin), as a restart would.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cookieName, type CookiePurpose } from '@/lib/http/cookies';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createTestApp } from '@/test-utils/test-app';
import type { ServerApp } from './app';
import { requireAdmin } from './admin/authenticate';
import { revokeUser } from './admin/revoke';
import type { RequestContext } from './http/context';
import { noContent } from './http/reply';
import { createRouteWrapper } from './http/route';
import { logInForTokens, refreshTokens } from './jwt/issue';
import { authenticateJwtRequest } from './jwt/authenticate';
import { logInWithPassword } from './session/login';
import { authenticateSession } from './session/authenticate';

const SESSION_PASSWORD = randomBytes(32).toString('base64url');
const carol = { username: 'carol', password: 'carol-password' };
const dave = { username: 'dave', password: 'dave-password' };
const store = createMemoryStore();
const before = createTestApp({
  store,
  env: {
    SESSION_PASSWORD,
    DEMO_USERS: JSON.stringify([
      { ...carol, role: 'user' },
      { ...dave, role: 'admin' },
    ]),
  },
});
const after = createTestApp({ store, env: { SESSION_PASSWORD, DEMO_USERS: JSON.stringify([{ ...dave, role: 'user' }]) } });

/** Runs `work` inside a request to `app` carrying the given cookies or headers. */
async function inRequest<T>(
  app: ServerApp,
  work: (ctx: RequestContext) => Promise<T>,
  options: { cookies?: Partial<Record<CookiePurpose, string>>; headers?: Record<string, string> } = {},
): Promise<T> {
  const cookie = Object.entries(options.cookies ?? {})
    .map(([purpose, value]) => `${cookieName(purpose as CookiePurpose, true)}=${value}`)
    .join('; ');
  let result: { value: T } | undefined;
  await createRouteWrapper(() => app)(async (ctx) => {
    result = { value: await work(ctx) };
    return noContent();
  })(
    new Request('http://127.0.0.1:3000/api/test', {
      headers: { host: '127.0.0.1:3000', ...(cookie ? { cookie } : {}), ...options.headers },
    }),
  );
  if (result === undefined) throw new Error('the handler did not run');
  return result.value;
}

async function sessionCookieOf(credentials: { username: string; password: string }, scope: 'user' | 'admin'): Promise<string> {
  const started = await inRequest(before, (ctx) => logInWithPassword(ctx, credentials, scope));
  if (!started.ok || !('value' in started.cookie)) throw new Error('login failed');
  return started.cookie.value;
}

async function tokensOf(credentials: { username: string; password: string }) {
  const issued = await inRequest(before, (ctx) => logInForTokens(ctx, credentials, 'token-endpoint'));
  if (!issued.ok) throw new Error('login failed');
  return issued.tokens;
}

describe('a user removed from the configuration', () => {
  it('is refused with session_invalid at the next session request', async () => {
    const session = await sessionCookieOf(carol, 'user');
    expect(await inRequest(before, (ctx) => authenticateSession(ctx), { cookies: { session } })).toMatchObject({ ok: true });
    expect(await inRequest(after, (ctx) => authenticateSession(ctx), { cookies: { session } })).toMatchObject({
      ok: false,
      code: 'session_invalid',
    });
  });

  it('has a still-signed access token refused as invalid_token', async () => {
    const { access } = await tokensOf(carol);
    const headers = { authorization: `Bearer ${access.token}` };
    expect(await inRequest(after, (ctx) => authenticateJwtRequest(ctx), { headers })).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('cannot refresh: refresh_revoked, and the family ends', async () => {
    const { refresh } = await tokensOf(carol);
    expect(await inRequest(after, (ctx) => refreshTokens(ctx, refresh.token))).toMatchObject({ ok: false, code: 'refresh_revoked' });
    expect(await inRequest(before, (ctx) => refreshTokens(ctx, refresh.token))).toMatchObject({ ok: false });
  });

  it('can still be revoked by the admin API, which answers what it revoked', async () => {
    await sessionCookieOf(carol, 'user');
    await tokensOf(carol);
    const admin = { id: 'usr_dave', username: 'dave', role: 'admin' as const };
    const revoked = await inRequest(after, (ctx) => revokeUser(ctx, admin, { username: 'carol' }));
    expect(revoked).toMatchObject({ ok: true, userId: 'usr_carol', configured: false });
    expect(revoked.sessionsRevoked).toBeGreaterThanOrEqual(1);
    expect(revoked.refreshFamiliesRevoked).toBeGreaterThanOrEqual(1);
  });
});

describe('a demoted admin', () => {
  it('loses the admin console at the next request', async () => {
    const adminSession = await sessionCookieOf(dave, 'admin');
    expect(await inRequest(before, requireAdmin, { cookies: { adminSession } })).toMatchObject({ ok: true });
    expect(await inRequest(after, requireAdmin, { cookies: { adminSession } })).toMatchObject({ ok: false });
  });

  it('gets the current role from access token and refresh alike', async () => {
    const { access, refresh } = await tokensOf(dave);
    const verified = await inRequest(after, (ctx) => authenticateJwtRequest(ctx), { headers: { authorization: `Bearer ${access.token}` } });
    expect(verified.ok && verified.verified.user.role).toBe('user');
    const refreshed = await inRequest(after, (ctx) => refreshTokens(ctx, refresh.token));
    expect(refreshed.ok && refreshed.tokens.access.claims).toMatchObject({ role: 'user' });
  });
});
