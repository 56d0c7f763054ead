import { expect, test } from '@playwright/test';
import { DEFAULT_DEMO_USER, DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { collectPageErrors } from './audit-helpers';
import { gotoReady, reloadReady, signInBothThroughApi } from './helpers';

/**
 * Pages ask for state only when a credential can exist. The refresh and admin cookies are
 * path-scoped, so pages ask the two presence routes about them: 200 either way, no store access,
 * no cookie set or cleared.
 */

const login = { username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password };

test('the presence routes answer 200 either way, touch no store and set no cookie', async ({ playwright, baseURL }) => {
  const browserless = await playwright.request.newContext({ baseURL });
  for (const path of ['/api/jwt/refresh/presence', '/api/admin/presence']) {
    const response = await browserless.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.json(), path).toEqual({ present: false });
    expect(response.headers()['cache-control'], path).toBe('no-store');
    expect(response.headers()['x-store-lookups'], path).toBe('0');
    expect(response.headers()['set-cookie'], path).toBeUndefined();
  }

  expect((await browserless.post('/api/jwt/login', { data: login })).status()).toBe(200);
  expect(await (await browserless.get('/api/jwt/refresh/presence')).json()).toEqual({ present: true });
  expect(await (await browserless.get('/api/admin/presence')).json()).toEqual({ present: false });
  expect(
    (await browserless.post('/api/admin/login', { data: { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password } })).status(),
  ).toBe(200);
  expect(await (await browserless.get('/api/admin/presence')).json()).toEqual({ present: true });

  // Presence is not validity: a cookie the server would refuse still counts as present.
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: '__Secure-refresh-token=forged; __Secure-admin-session=forged' },
  });
  expect(await (await forged.get('/api/jwt/refresh/presence')).json()).toEqual({ present: true });
  expect(await (await forged.get('/api/admin/presence')).json()).toEqual({ present: true });
  expect((await forged.get('/api/admin/me')).status()).toBe(401);
  await forged.dispose();
  await browserless.dispose();
});

test('the dashboard finds both logins again after a reload, without a failed request', async ({ page }) => {
  await signInBothThroughApi(page);
  await gotoReady(page, '/');
  await expect(page.getByTestId('session-user')).toContainText(DEFAULT_DEMO_USER.username);
  await expect(page.getByTestId('jwt-user')).toContainText(DEFAULT_DEMO_USER.username);
  const errors = collectPageErrors(page);
  await reloadReady(page);
  await expect(page.getByTestId('session-user')).toContainText(DEFAULT_DEMO_USER.username);
  await expect(page.getByTestId('jwt-user')).toContainText(DEFAULT_DEMO_USER.username);
  await expect(page.getByTestId('refresh-family')).toContainText('generation 1 is current');
  expect(errors).toEqual([]);
});

test.describe('with 5 s access tokens', () => {
  test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_SHORT_TTL_PORT ?? 3101}` });

  test('after the browser dropped the expired access token, the dashboard and /jwt refresh instead of asking /me blind', async ({
    page,
    context,
    baseURL,
  }) => {
    expect((await page.request.post('/api/jwt/login', { data: login })).status()).toBe(200);
    // The browser drops the access cookie at its Max-Age (the token's 5 s); only the refresh cookie is left.
    await expect
      .poll(async () => (await context.cookies(baseURL)).map((cookie) => cookie.name), { timeout: 10_000, intervals: [250] })
      .not.toContain('__Host-access-token');
    expect((await context.cookies(`${baseURL}/api/jwt/refresh`)).map((cookie) => cookie.name)).toContain('__Secure-refresh-token');

    const errors = collectPageErrors(page);
    await gotoReady(page, '/');
    await expect(page.getByTestId('jwt-user')).toContainText(DEFAULT_DEMO_USER.username);
    await expect(page.getByTestId('refresh-family')).toContainText('generation 2 is current');
    await expect(page.getByTestId('column-session').getByRole('button', { name: /alice/ })).toBeVisible();
    expect(errors).toEqual([]);
    // The page asked whether a refresh cookie was there, then refreshed; it never called /me without a token.
    await page.goto('about:blank');
    await expect
      .poll(async () => (await context.cookies(baseURL)).map((cookie) => cookie.name), { timeout: 10_000, intervals: [250] })
      .not.toContain('__Host-access-token');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await gotoReady(page, '/jwt');
    await expect(page.getByTestId('jwt-username')).toHaveText(DEFAULT_DEMO_USER.username);
    await expect(page.getByTestId('jwt-refresh-count')).toHaveText('1');
    expect(requests.filter((line) => line.includes('/api/'))).toEqual([
      'GET /api/jwt/refresh/presence',
      'POST /api/jwt/refresh',
      'GET /api/jwt/me',
    ]);
    expect(errors).toEqual([]);
  });
});
