import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';

/**
 * The central lesson, end to end: an administrator revokes alice. Her session stops at once; her
 * JWT keeps working until its access token expires, unless the denylist is on.
 */

const DEFAULT_SETTINGS = { accessTokenTtlSeconds: 900, denylist: false, refreshGraceSeconds: 10, storeLatencyMs: 0 };

async function adminContext(browser: import('@playwright/test').Browser): Promise<BrowserContext> {
  const admin = await browser.newContext();
  const login = await admin.request.post('/api/admin/login', { data: { username: 'admin', password: 'control-room' } });
  expect(login.status()).toBe(200);
  return admin;
}

async function putSettings(api: APIRequestContext, patch: Record<string, unknown>) {
  const response = await api.put('/api/admin/settings', { data: patch });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function logInBoth(api: APIRequestContext) {
  expect((await api.post('/api/session/login', { data: { username: 'alice', password: 'wonderland' } })).status()).toBe(200);
  const jwt = await api.post('/api/jwt/login', { data: { username: 'alice', password: 'wonderland' } });
  expect(jwt.status()).toBe(200);
  return (await jwt.json()).accessTokenExpiresAt as number;
}

/** Polls a /me endpoint until it answers 401; returns ms from `since` to that first rejection. */
async function timeToFirstRejection(
  api: APIRequestContext,
  path: string,
  since: number,
  deadlineMs: number,
): Promise<{ ms: number; code: string }> {
  for (;;) {
    const response = await api.get(path);
    if (response.status() === 401) return { ms: Date.now() - since, code: (await response.json()).error };
    expect(response.status()).toBe(200);
    if (Date.now() - since > deadlineMs) throw new Error(`${path} still accepted after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test.afterEach(async ({ browser }) => {
  const admin = await adminContext(browser);
  await putSettings(admin.request, DEFAULT_SETTINGS);
  await admin.close();
});

test('revoke: the session stops at once, the JWT only when its 5 s access token expires', async ({ browser }, testInfo) => {
  const admin = await adminContext(browser);
  await putSettings(admin.request, { accessTokenTtlSeconds: 5, denylist: false });
  const alice = await browser.newContext();
  const accessExpiresAt = await logInBoth(alice.request);
  expect((await alice.request.get('/api/session/me')).status()).toBe(200);
  expect((await alice.request.get('/api/jwt/me')).status()).toBe(200);

  const revoke = await admin.request.post('/api/admin/revoke', { data: { username: 'alice' } });
  expect(revoke.status()).toBe(200);
  const result = await revoke.json();
  expect(result).toMatchObject({ sessionsRevoked: 1, refreshFamiliesRevoked: 1 });
  const revokedAt = result.revokedAt as number;

  const session = await timeToFirstRejection(alice.request, '/api/session/me', revokedAt, 1000);
  expect(session.code).toBe('session_invalid');
  // Within that same second the access token still works: nothing asks the store.
  const jwtRightAfter = await alice.request.get('/api/jwt/me');
  expect(jwtRightAfter.status()).toBe(200);
  expect(jwtRightAfter.headers()['x-store-lookups']).toBe('0');

  const captured = (await alice.cookies()).find((c) => c.name === '__Host-access-token')!.value;
  const jwt = await timeToFirstRejection(alice.request, '/api/jwt/me', revokedAt, 8000);
  // It stopped because it expired, not before. The browser drops the cookie at its Max-Age (the
  // token's exp), so the server then sees no token at all.
  expect(Date.now()).toBeGreaterThanOrEqual(accessExpiresAt - 50);
  expect(['unauthenticated', 'token_expired']).toContain(jwt.code);
  // A copy of the token (stolen, or a non-browser client) is refused as expired once the 5 s clock
  // tolerance has passed too.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, accessExpiresAt + 5_100 - Date.now())));
  const replay = await alice.request.get('/api/jwt/me', { headers: { authorization: `Bearer ${captured}` } });
  expect(replay.status()).toBe(401);
  expect((await replay.json()).error).toBe('token_expired');

  const refresh = await alice.request.post('/api/jwt/refresh');
  expect(refresh.status()).toBe(401);
  expect(['refresh_reused', 'refresh_revoked']).toContain((await refresh.json()).error);

  testInfo.annotations.push({
    type: 'time to first rejection',
    description: `session ${session.ms} ms, jwt ${jwt.ms} ms (denylist off, 5 s access tokens)`,
  });
  console.log(`[race, denylist off] session rejected after ${session.ms} ms, jwt after ${jwt.ms} ms`);
  await alice.close();
  await admin.close();
});

test('revoke with the denylist on: both strategies refuse within one second', async ({ browser }, testInfo) => {
  const admin = await adminContext(browser);
  await putSettings(admin.request, { accessTokenTtlSeconds: 5, denylist: true });
  const alice = await browser.newContext();
  await logInBoth(alice.request);
  const before = await alice.request.get('/api/jwt/me');
  expect(before.status()).toBe(200);
  // The price of the denylist: one store lookup per JWT request, timed as its own phase.
  expect(before.headers()['x-store-lookups']).toBe('1');
  expect(before.headers()['server-timing']).toMatch(/verify;dur=[\d.]+, denylist;dur=[\d.]+/);

  const revoke = await admin.request.post('/api/admin/revoke', { data: { username: 'alice' } });
  const revokedAt = (await revoke.json()).revokedAt as number;
  const session = await timeToFirstRejection(alice.request, '/api/session/me', revokedAt, 1000);
  const jwt = await timeToFirstRejection(alice.request, '/api/jwt/me', revokedAt, 1000);
  expect(jwt.code).toBe('token_revoked');

  testInfo.annotations.push({ type: 'time to first rejection', description: `session ${session.ms} ms, jwt ${jwt.ms} ms (denylist on)` });
  console.log(`[race, denylist on] session rejected after ${session.ms} ms, jwt after ${jwt.ms} ms`);
  await alice.close();
  await admin.close();
});

test('a denylist switched on after a revoke still rejects tokens issued before it', async ({ browser }) => {
  const admin = await adminContext(browser);
  await putSettings(admin.request, { accessTokenTtlSeconds: 900, denylist: false });
  const bob = await browser.newContext();
  expect((await bob.request.post('/api/jwt/login', { data: { username: 'bob', password: 'the-builder' } })).status()).toBe(200);
  await admin.request.post('/api/admin/revoke', { data: { username: 'bob' } });
  expect((await bob.request.get('/api/jwt/me')).status()).toBe(200);
  await putSettings(admin.request, { denylist: true });
  const after = await bob.request.get('/api/jwt/me');
  expect(after.status()).toBe(401);
  expect((await after.json()).error).toBe('token_revoked');
  await bob.close();
  await admin.close();
});

test('the admin cookie is scoped to /api/admin and never sent elsewhere', async ({ browser, baseURL }) => {
  const admin = await adminContext(browser);
  const cookie = (await admin.cookies()).find((c) => c.name === '__Secure-admin-session');
  expect(cookie).toMatchObject({ path: '/api/admin', httpOnly: true, secure: true, sameSite: 'Strict' });
  expect((await admin.cookies(`${baseURL}/api/admin/settings`)).map((c) => c.name)).toContain('__Secure-admin-session');
  for (const path of ['/', '/api/session/me', '/api/jwt/me', '/api/events', '/admin']) {
    expect((await admin.cookies(`${baseURL}${path}`)).map((c) => c.name)).not.toContain('__Secure-admin-session');
  }
  await admin.close();
});

test('admin routes answer 401 without a session and 403 to a signed-in non-admin', async ({ browser, request }) => {
  for (const [method, path] of [
    ['GET', '/api/admin/settings'],
    ['POST', '/api/admin/revoke'],
    ['GET', '/api/admin/keys'],
    ['GET', '/api/admin/instances'],
    ['POST', '/api/admin/keys/rotate'],
  ] as const) {
    const response = await request.fetch(path, { method, data: method === 'POST' ? { username: 'alice' } : undefined });
    expect(response.status(), path).toBe(401);
  }
  const alice = await browser.newContext();
  await alice.request.post('/api/session/login', { data: { username: 'alice', password: 'wonderland' } });
  const forbidden = await alice.request.post('/api/admin/revoke', { data: { username: 'bob' } });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error).toBe('forbidden');
  const notAdmin = await request.post('/api/admin/login', { data: { username: 'bob', password: 'the-builder' } });
  expect(notAdmin.status()).toBe(403);
  expect(notAdmin.headers()['set-cookie']).toBeUndefined();
  await alice.close();
});

test('invalid settings are refused with 400 and change nothing', async ({ browser }) => {
  const admin = await adminContext(browser);
  const before = await (await admin.request.get('/api/admin/settings')).json();
  for (const bad of [
    { accessTokenTtlSeconds: 4 },
    { accessTokenTtlSeconds: '60' },
    { denylist: 'yes' },
    { storeLatencyMs: 99999 },
    { unknown: 1 },
    [1, 2],
  ]) {
    const response = await admin.request.put('/api/admin/settings', { data: bad });
    expect(response.status(), JSON.stringify(bad)).toBe(400);
    expect((await response.json()).error).toBe('bad_request');
  }
  const notJson = await admin.request.put('/api/admin/settings', { headers: { 'content-type': 'application/json' }, data: '{"denylist":' });
  expect(notJson.status()).toBe(400);
  const after = await (await admin.request.get('/api/admin/settings')).json();
  expect(after.settings).toEqual(before.settings);
  expect(after.version).toBe(before.version);
  await admin.close();
});

test('rotating keys keeps old tokens valid; retiring the old key makes them fail and leaves the JWKS', async ({ browser, request }) => {
  const admin = await adminContext(browser);
  const issued = await (await request.post('/api/jwt/token', { data: { username: 'bob', password: 'the-builder' } })).json();
  const bearer = { authorization: `Bearer ${issued.access_token}` };
  const oldKid = (await (await request.get('/api/jwt/me', { headers: bearer })).json()).token.kid as string;

  const rotated = await (await admin.request.post('/api/admin/keys/rotate')).json();
  const current = rotated.keys.find((k: { status: string }) => k.status === 'current');
  expect(current.kid).not.toBe(oldKid);
  expect(rotated.keys.find((k: { kid: string }) => k.kid === oldKid).status).toBe('previous');
  expect((await request.get('/api/jwt/me', { headers: bearer })).status()).toBe(200);
  const jwks = await (await request.get('/.well-known/jwks.json')).json();
  expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(expect.arrayContaining([oldKid, current.kid]));
  for (const key of jwks.keys) expect(key.d).toBeUndefined();

  const cannotRetireCurrent = await admin.request.post('/api/admin/keys/retire', { data: { kid: current.kid } });
  expect(cannotRetireCurrent.status()).toBe(409);
  expect((await admin.request.post('/api/admin/keys/retire', { data: { kid: oldKid } })).status()).toBe(200);
  const rejected = await request.get('/api/jwt/me', { headers: bearer });
  expect(rejected.status()).toBe(401);
  expect((await rejected.json()).error).toBe('invalid_token');
  const jwksAfter = await (await request.get('/.well-known/jwks.json', { headers: { 'cache-control': 'no-cache' } })).json();
  expect(jwksAfter.keys.map((k: { kid: string }) => k.kid)).not.toContain(oldKid);
  await admin.close();
});
