import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

// This server issues 5 s access tokens (ACCESS_TOKEN_TTL_SECONDS=5, see playwright.config.ts).
test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_SHORT_TTL_PORT ?? 3101}` });

const ACCESS_TTL_MS = 5_000;
const CLOCK_TOLERANCE_MS = 5_000;
/** One call per second per client, plus the refresh attempt that follows a refused call. */
const CALL_INTERVAL_SLACK_MS = 2_000;

// bob: no other spec on the short-TTL server signs in as bob, so revoking him there disturbs nobody.
test('revoking the user locks out the SPA and the native app within the access-token window, and refresh is refused at once', async ({
  page,
}) => {
  await gotoReady(page, '/scenarios/mobile-and-spa');
  await page.getByRole('radio', { name: 'bob' }).check();
  await page.getByRole('button', { name: 'Sign in the SPA' }).click();
  await page.getByRole('button', { name: 'Sign in the app' }).click();
  const spa = page.getByTestId('client-spa');
  const native = page.getByTestId('client-native');
  await expect(spa).toHaveAttribute('data-status', 'accepted');
  await expect(native).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('client-spa-me')).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('client-native-me')).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('client-native-countdown')).toContainText(/expires in\s*[1-5] s/);

  // The native app's tokens live in memory only, and the SPA's in HttpOnly cookies: page storage stays empty.
  const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
  expect(storage).toEqual({ local: 0, session: 0, cookie: '' });

  await page.getByRole('button', { name: 'Revoke bob everywhere (as admin)' }).click();
  await expect(page.getByTestId('revocation')).toContainText('Revoked at');
  const revokedAt = Date.now();

  // The refresh tokens are dead at once: the store is asked on every refresh.
  await native.getByRole('button', { name: "Refresh the app's tokens now" }).click();
  await expect(page.getByTestId('client-native-refresh')).toHaveAttribute('data-status', 'refused');
  await expect(page.getByTestId('client-native-refresh')).toContainText('401 refresh_revoked');
  // The SPA's refresh, by its button; if its access cookie ran out meanwhile, the SPA has already
  // tried the refresh itself and lost the button: refused just the same.
  await expect(async () => {
    if ((await spa.getAttribute('data-status')) === 'accepted')
      await spa.getByRole('button', { name: "Refresh the SPA's tokens now" }).click({ timeout: 1_000 });
    await expect(page.getByTestId('client-spa-refresh')).toContainText('401 refresh_revoked', { timeout: 1_000 });
  }).toPass({ timeout: 5_000 });

  // The access tokens are checked without the store: each client is out once its token expires.
  const window = ACCESS_TTL_MS + CLOCK_TOLERANCE_MS + CALL_INTERVAL_SLACK_MS;
  await expect(spa).toHaveAttribute('data-status', 'locked-out', { timeout: window });
  await expect(native).toHaveAttribute('data-status', 'locked-out', { timeout: window - (Date.now() - revokedAt) });
  expect(Date.now() - revokedAt).toBeLessThanOrEqual(window);
  await expect(page.getByTestId('client-native-me')).toContainText('401 token_expired');
  await expect(page.getByTestId('client-native-countdown')).toHaveAttribute('data-phase', 'expired');

  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
});
