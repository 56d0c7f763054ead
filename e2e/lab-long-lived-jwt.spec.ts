import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
import { shootLabPage } from './lab-shots';

// This server issues 5 s access tokens (playwright.config.ts), so the real side's window is seen in seconds.
test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_SHORT_TTL_PORT ?? 3101}` });

test('after the admin revokes the user, the week-long lab token keeps working; the real JWT stops within its access-token window', async ({
  page,
}) => {
  await gotoReady(page, '/lab/long-lived-jwt');
  await page.getByRole('button', { name: 'Sign in to both' }).click();
  await expect(page.getByText('5 s on this server')).toBeVisible();
  await expect(page.getByTestId('lane-real').locator('circle').first()).toBeVisible();

  await page.getByRole('button', { name: 'Revoke the user' }).click();
  await expect(page.getByText(/POST \/api\/admin\/revoke → 200/)).toBeVisible();
  const revokedAt = Date.now();
  const real = page.getByTestId('real-answer');
  const weak = page.getByTestId('weak-answer');
  // Access token (5 s) plus the clock tolerance the verifier allows, plus a poll.
  await expect(real).toHaveAttribute('data-verdict', 'refused', { timeout: 15_000 });
  await expect(real).toContainText('POST /api/jwt/refresh');
  await expect(real).toContainText('refresh_revoked');
  expect(Date.now() - revokedAt).toBeLessThan(13_000);
  await expect(weak).toHaveAttribute('data-verdict', 'accepted');
  await expect(weak).toContainText('"username": "alice"');
  await expect(page.getByTestId('revoke-marker')).toBeVisible();
  await expect(page.getByTestId('lane-real')).toContainText('refresh_revoked');
  await shootLabPage(page, 'long-lived-jwt');
});
