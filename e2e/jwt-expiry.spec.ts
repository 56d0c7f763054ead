import { expect, test } from '@playwright/test';
import { gotoReady, reloadReady } from './helpers';

// This server issues 5 s access tokens (ACCESS_TOKEN_TTL_SECONDS=5, see playwright.config.ts).
test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_SHORT_TTL_PORT ?? 3101}` });

const ACCESS_TTL_MS = 5_000;
const CLOCK_TOLERANCE_MS = 5_000;

test('the page keeps working across access-token expiry by refreshing', async ({ page, context, baseURL }) => {
  await gotoReady(page, '/jwt');
  await page.getByLabel('Password').fill('wonderland');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('jwt-me-status')).toHaveText('200');
  const firstJti = await page.getByTestId('jwt-jti').textContent();
  const accessCookie = (await context.cookies()).find((c) => c.name === '__Host-access-token');
  expect(accessCookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(ACCESS_TTL_MS + 1000);

  // The browser drops the access cookie at its Max-Age; the page sees a 401 and refreshes.
  await page.waitForTimeout(ACCESS_TTL_MS + 1500);
  await page.getByRole('button', { name: 'Call /api/jwt/me' }).click();
  await expect(page.getByTestId('jwt-refresh-count')).toHaveText('1');
  await expect(page.getByTestId('jwt-me-status')).toHaveText('200');
  await expect(page.getByTestId('jwt-jti')).not.toHaveText(firstJti!);

  await page.waitForTimeout(ACCESS_TTL_MS + 1500);
  await page.getByRole('button', { name: 'Call /api/jwt/me' }).click();
  await expect(page.getByTestId('jwt-refresh-count')).toHaveText('2');
  await expect(page.getByTestId('jwt-me-status')).toHaveText('200');
  expect((await context.cookies(`${baseURL}/api/jwt/me`)).map((c) => c.name)).not.toContain('__Secure-refresh-token');
});

test('after logout the refresh fails, and the access token works until it expires, then /api/jwt/me is 401', async ({
  page,
  context,
  baseURL,
  request,
}) => {
  await gotoReady(page, '/jwt');
  await page.getByLabel('Password').fill('wonderland');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('jwt-me-status')).toHaveText('200');
  const cookies = await context.cookies();
  const access = cookies.find((c) => c.name === '__Host-access-token')!.value;
  const refresh = cookies.find((c) => c.name === '__Secure-refresh-token')!.value;
  expect((await context.cookies(`${baseURL}/api/jwt/me`)).map((c) => c.name)).toEqual(['__Host-access-token']);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  expect(await context.cookies()).toEqual([]);

  // The refresh family is revoked: the (stolen) refresh token no longer works.
  const refreshed = await request.post('/api/jwt/refresh', { data: { refresh_token: refresh } });
  expect(refreshed.status()).toBe(401);
  expect((await refreshed.json()).error).toBe('refresh_revoked');

  // The access token itself is stateless: still accepted until it expires (denylist off).
  const bearer = { Authorization: `Bearer ${access}` };
  expect((await request.get('/api/jwt/me', { headers: bearer })).status()).toBe(200);
  await expect
    .poll(async () => (await request.get('/api/jwt/me', { headers: bearer })).status(), {
      timeout: ACCESS_TTL_MS + CLOCK_TOLERANCE_MS + 5_000,
      intervals: [500],
    })
    .toBe(401);
  const expired = await request.get('/api/jwt/me', { headers: bearer });
  expect((await expired.json()).error).toBe('token_expired');
  // And the page, which has no cookies any more, cannot get back in without logging in.
  await reloadReady(page);
  await expect(page.getByLabel('Password')).toBeVisible();
});
