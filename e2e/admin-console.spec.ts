import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

test('the admin page: log in, revoke alice, and see it in the live event stream', async ({ page, browser }, testInfo) => {
  const alice = await browser.newContext();
  await alice.request.post('/api/session/login', { data: { username: 'alice', password: 'wonderland' } });

  await gotoReady(page, '/admin');
  await page.getByRole('button', { name: 'Log in as administrator' }).click();
  await expect(page.getByTestId('admin-signed-in')).toContainText('admin');
  await expect(page.getByText('● live')).toBeVisible();
  await expect(page.getByTestId('signing-keys')).toContainText('current');

  await page.getByRole('button', { name: 'Revoke alice' }).click();
  await expect(page.getByTestId('revoke-result')).toContainText('1 session(s)');
  const revokeRow = page.getByTestId('admin-events').locator('li', { hasText: 'revoke' });
  await expect(revokeRow.first()).toContainText('alice');
  expect((await alice.request.get('/api/session/me')).status()).toBe(401);

  await page.getByRole('button', { name: '10 s' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version' })).toBeVisible();
  await expect(page.getByTestId('admin-events').locator('li', { hasText: 'settings_changed' }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('admin-1280x720.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('admin-1440x900-full.png'), fullPage: true });

  // Put the lifetime back for the tests that follow on this server.
  await page.getByRole('button', { name: '15 min' }).click();
  await expect(page.getByRole('button', { name: '15 min' })).toHaveAttribute('aria-pressed', 'true');
  await alice.close();
});
