import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

test('the home page renders both strategies and the store badge', async ({ page }, testInfo) => {
  await gotoReady(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'session-vs-jwt' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Session cookie' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'JWT + refresh' })).toBeVisible();
  const badge = page.getByTestId('store-badge');
  await expect(badge).toContainText('in-memory');
  await expect(badge).toContainText('single instance only');
  await expect(badge).toContainText(/round trip \d+\.\d{2} ms/);
  await page.screenshot({ path: testInfo.outputPath('home-1280x720.png') });
});

test('the health endpoint reports the store driver and its round trip', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['server-timing']).toMatch(/^store;dur=\d+\.\d{3}$/);
  const body = await response.json();
  expect(body.store).toMatchObject({ driver: 'memory', ok: true, singleInstanceOnly: true });
  expect(typeof body.store.roundTripMs).toBe('number');
  expect(body.instance).toBe('e2e');
});
