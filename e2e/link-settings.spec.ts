import { expect, test, type Page } from '@playwright/test';
import { gotoReady, signInAdminThroughApi } from './helpers';

/**
 * Opening a link never changes server settings: `?ttl=&denylist=` is shown to a signed-in admin as
 * a proposal, and only the Apply button sends the PUT. (Before, the dashboard applied it on load,
 * from our own origin, so the cross-site check could not stop a link planted anywhere.)
 */
const DEFAULTS = { accessTokenTtlSeconds: 900, denylist: false, refreshGraceSeconds: 10, storeLatencyMs: 0 };

async function serverSettings(page: Page) {
  const response = await page.request.get('/api/admin/settings');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { settings: typeof DEFAULTS }).settings;
}

test.beforeEach(async ({ page }) => {
  await signInAdminThroughApi(page);
  expect((await page.request.put('/api/admin/settings', { data: DEFAULTS })).status()).toBe(200);
});

test.afterEach(async ({ page }) => {
  expect((await page.request.put('/api/admin/settings', { data: DEFAULTS })).status()).toBe(200);
});

test('a link proposes settings to a signed-in admin: no PUT until Apply', async ({ page }, testInfo) => {
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && new URL(request.url()).pathname === '/api/admin/settings') puts.push(request.postData() ?? '');
  });
  await gotoReady(page, '/?denylist=1&ttl=60');
  const banner = page.getByRole('region', { name: 'Settings proposed by this link' });
  await expect(banner).toContainText('This link proposes new server settings: access tokens live 60 s, denylist on');
  // Long enough for the old code's automatic PUT, which went out as soon as the settings loaded.
  await page.waitForTimeout(1500);
  expect(puts).toEqual([]);
  expect(await serverSettings(page)).toMatchObject({ accessTokenTtlSeconds: 900, denylist: false });
  // A test artifact; the committed copy is docs/screenshots/link-settings-proposal-1280x720.png.
  await page.screenshot({ path: testInfo.outputPath('link-settings-proposal-1280x720.png') });

  await banner.getByRole('button', { name: 'Apply' }).click();
  await expect(banner).toBeHidden();
  expect(puts).toHaveLength(1);
  await expect.poll(() => serverSettings(page)).toMatchObject({ accessTokenTtlSeconds: 60, denylist: true });
  await expect(page.getByRole('checkbox', { name: /Denylist/ })).toBeChecked();
});

test('Dismiss leaves the settings alone, and the presenter and interval parts of the link still apply', async ({ page }) => {
  await gotoReady(page, '/?present=1&interval=500&denylist=1');
  await expect(page.locator('main')).toHaveAttribute('data-presenter', 'on');
  const banner = page.getByRole('region', { name: 'Settings proposed by this link' });
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
  expect(await serverSettings(page)).toMatchObject({ denylist: false });
});

test('signed out, a link with settings shows no proposal and changes nothing', async ({ browser }) => {
  const page = await browser.newPage();
  await gotoReady(page, '/?denylist=1&ttl=60');
  await expect(page.getByRole('region', { name: 'Settings proposed by this link' })).toHaveCount(0);
  await page.close();
});
