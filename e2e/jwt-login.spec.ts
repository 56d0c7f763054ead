import { expect, test, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

async function logInOnPage(page: Page, username = 'alice', password = 'wonderland') {
  await gotoReady(page, '/jwt');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('jwt-username')).toHaveText(username);
}

test('login sets an HttpOnly access cookie and a refresh cookie scoped to the refresh path, invisible to scripts', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  await logInOnPage(page);
  const cookies = await context.cookies();
  const access = cookies.find((c) => c.name === '__Host-access-token');
  const refresh = cookies.find((c) => c.name === '__Secure-refresh-token');
  expect(access).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
  expect(refresh).toMatchObject({ path: '/api/jwt/refresh', httpOnly: true, secure: true, sameSite: 'Strict' });
  // Max-Age: the access token's 15 min, and the refresh family's remaining 30 days.
  expect(access!.expires * 1000 - Date.now()).toBeGreaterThan(14 * 60 * 1000);
  expect(refresh!.expires * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // The browser would send to /api/jwt/me only the access cookie, never the refresh token.
  const forMe = await context.cookies(`${baseURL}/api/jwt/me`);
  expect(forMe.map((c) => c.name)).toEqual(['__Host-access-token']);
  expect((await context.cookies(`${baseURL}/api/jwt/refresh`)).map((c) => c.name).sort()).toEqual([
    '__Host-access-token',
    '__Secure-refresh-token',
  ]);

  await expect(page.getByTestId('jwt-me-status')).toHaveText('200');
  await expect(page.getByTestId('jwt-store-lookups')).toHaveText('0');
  await expect(page.getByTestId('jwt-verify-ms')).toHaveText(/^\d+\.\d{3} ms$/);
  await page.screenshot({ path: testInfo.outputPath('jwt-1280x720.png') });
});

test('/api/jwt/me verifies locally: verify in Server-Timing, no store lookup, the documented shape', async ({ page }) => {
  await logInOnPage(page);
  const response = await page.request.get('/api/jwt/me');
  expect(response.status()).toBe(200);
  expect(response.headers()['x-store-lookups']).toBe('0');
  expect(response.headers()['server-timing']).toMatch(/^verify;dur=\d+\.\d{3}$/);
  expect(response.headers()['cache-control']).toBe('no-store');
  const body = await response.json();
  expect(body.user).toEqual({ id: 'usr_alice', username: 'alice', role: 'user' });
  expect(Object.keys(body.token).sort()).toEqual(['exp', 'iat', 'jti', 'kid']);
});

test('wrong password and unknown user get the same 401; a malformed body gets 400', async ({ request }) => {
  const wrong = await request.post('/api/jwt/login', { data: { username: 'alice', password: 'nope' } });
  const unknown = await request.post('/api/jwt/login', { data: { username: 'mallory', password: 'nope' } });
  expect(wrong.status()).toBe(401);
  expect(unknown.status()).toBe(401);
  expect(await wrong.json()).toEqual(await unknown.json());
  expect((await wrong.json()).error).toBe('invalid_credentials');
  expect(wrong.headers()['set-cookie']).toBeUndefined();
  const malformed = await request.post('/api/jwt/login', { data: { username: 'alice' } });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toBe('bad_request');
});

test('non-browser clients: token endpoint, Bearer on /me, refresh and logout with the token in the body', async ({ request }) => {
  const issued = await request.post('/api/jwt/token', { data: { username: 'bob', password: 'the-builder' } });
  expect(issued.status()).toBe(200);
  expect(issued.headers()['set-cookie']).toBeUndefined();
  expect(issued.headers()['cache-control']).toBe('no-store');
  const tokens = await issued.json();
  expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
  expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);

  const me = await request.get('/api/jwt/me', { headers: { Authorization: `Bearer ${tokens.access_token}` } });
  expect((await me.json()).user.username).toBe('bob');

  const rotated = await request.post('/api/jwt/refresh', { data: { refresh_token: tokens.refresh_token } });
  expect(rotated.status()).toBe(200);
  const next = await rotated.json();
  expect(next.refresh_token).not.toBe(tokens.refresh_token);
  expect(rotated.headers()['set-cookie']).toBeUndefined();

  const loggedOut = await request.delete('/api/jwt/refresh', { data: { refresh_token: next.refresh_token } });
  expect(await loggedOut.json()).toEqual({ loggedOut: true, familyRevoked: true });
  const after = await request.post('/api/jwt/refresh', { data: { refresh_token: next.refresh_token } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error).toBe('refresh_revoked');
});

test('a duplicate refresh inside the grace window gets 409 refresh_in_progress and the chain survives', async ({ request }) => {
  const tokens = await (await request.post('/api/jwt/token', { data: { username: 'alice', password: 'wonderland' } })).json();
  const first = await request.post('/api/jwt/refresh', { data: { refresh_token: tokens.refresh_token } });
  const duplicate = await request.post('/api/jwt/refresh', { data: { refresh_token: tokens.refresh_token } });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error).toBe('refresh_in_progress');
  expect((await request.post('/api/jwt/refresh', { data: { refresh_token: (await first.json()).refresh_token } })).status()).toBe(200);
});

test('forged and broken access tokens are 401 with a Bearer challenge, never a 500', async ({ request }) => {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const jwks = await (await request.get('/.well-known/jwks.json')).json();
  const kid = jwks.keys[0].kid as string;
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'session-vs-jwt',
    aud: 'session-vs-jwt-api',
    sub: 'usr_admin',
    username: 'admin',
    role: 'admin',
    jti: 'x',
    iat: now,
    exp: now + 600,
  };
  for (const token of [
    'garbage',
    `${b64({ alg: 'none', kid, typ: 'at+jwt' })}.${b64(claims)}.`,
    `${b64({ alg: 'EdDSA', kid, typ: 'at+jwt' })}.${b64(claims)}.${'A'.repeat(86)}`,
    `${b64({ alg: 'EdDSA', kid, typ: 'at+jwt', jku: 'https://evil.example/jwks' })}.${b64(claims)}.${'A'.repeat(86)}`,
    `${b64({ alg: 'EdDSA', kid: '../../etc/passwd', typ: 'at+jwt' })}.${b64(claims)}.${'A'.repeat(86)}`,
    'x'.repeat(5000),
  ]) {
    const response = await request.get('/api/jwt/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status(), token.slice(0, 40)).toBe(401);
    expect((await response.json()).error).toBe('invalid_token');
    expect(response.headers()['www-authenticate']).toContain('error="invalid_token"');
  }
  const none = await request.get('/api/jwt/me');
  expect(none.status()).toBe(401);
  expect(none.headers()['www-authenticate']).toBe('Bearer realm="session-vs-jwt"');
});

test('the JWKS publishes only public Ed25519 keys with kid', async ({ request }) => {
  const response = await request.get('/.well-known/jwks.json');
  expect(response.status()).toBe(200);
  const { keys } = await response.json();
  expect(keys.length).toBeGreaterThanOrEqual(1);
  for (const key of keys) {
    expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
  }
});

test('state-changing JWT requests from another site are refused', async ({ request }) => {
  for (const [method, path] of [
    ['post', '/api/jwt/login'],
    ['post', '/api/jwt/refresh'],
    ['delete', '/api/jwt/refresh'],
  ] as const) {
    const response = await request[method](path, { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, data: {} });
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toBe('cross_site_request');
  }
});
