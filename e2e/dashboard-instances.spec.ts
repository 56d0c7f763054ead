import { expect, test, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

/**
 * The dashboard names the instance behind every answer, on one e2e server (INSTANCE_ID=e2e): the
 * instance once rather than on every mark, the settings' arrival as measured by the server, the
 * first refusal after a revoke, and the orders lane's place with how to start the service. The
 * cluster itself (two instances, three live lanes) is the cluster spec's journey.
 */

const DEFAULTS = { accessTokenTtlSeconds: 900, denylist: false, refreshGraceSeconds: 10, storeLatencyMs: 0 };

async function openSignedIn(page: Page) {
  await gotoReady(page, '/');
  await page.getByRole('button', { name: 'Sign in as admin' }).click();
  await expect(page.getByRole('button', { name: /^Revoke / })).toBeVisible();
  await page.getByRole('button', { name: /Log in both as alice/ }).click();
  await expect(page.getByTestId('session-user')).toContainText('alice');
  await expect(page.getByTestId('jwt-user')).toContainText('alice');
}

test.afterEach(async ({ page }) => {
  expect((await page.request.post('/api/admin/login', { data: { username: 'admin', password: 'control-room' } })).status()).toBe(200);
  expect((await page.request.put('/api/admin/settings', { data: DEFAULTS })).status()).toBe(200);
});

test('one instance: named once under the timeline and in each last request, with its settings delay and first refusals', async ({
  page,
}) => {
  await openSignedIn(page);
  await expect(page.getByTestId('lane-session').locator('g[data-instance="e2e"]').first()).toBeVisible();
  await expect(page.getByTestId('lane-jwt').locator('g[data-instance="e2e"]').first()).toBeVisible();
  // Named once: no per-mark tag while a single instance has answered.
  await expect(page.getByTestId('timeline-instances')).toHaveText('Every request answered by instance e2e');
  expect(await page.getByTestId('lane-session').locator('g[data-instance] text').count()).toBe(0);
  await expect(page.getByTestId('session-instance')).toHaveText('e2e');
  await expect(page.getByTestId('jwt-instance')).toHaveText('e2e');

  const panel = page.getByTestId('instances-panel');
  await expect(panel.locator('tr[data-instance="e2e"]')).toHaveCount(1);

  // A settings change: the server reports when it adopted the version, against when it was written.
  // The box follows the server's answer (a controlled input), so click and wait for it.
  const denylist = page.getByRole('checkbox', { name: /Denylist/ });
  await denylist.click();
  await expect(denylist).toBeChecked();
  const delay = panel.getByTestId('settings-delay');
  await expect(delay).toBeVisible({ timeout: 5000 });
  const match = /v(\d+) \+(\d+) ms/.exec((await delay.textContent())!);
  expect(match, `settings delay reads "${await delay.textContent()}"`).not.toBeNull();
  expect(Number(match![2])).toBeLessThan(1000);
  await denylist.click();
  await expect(denylist).not.toBeChecked();

  await page.getByRole('button', { name: /^Revoke / }).click();
  await expect(page.getByTestId('time-to-rejection-session')).toBeVisible({ timeout: 3000 });
  await expect(panel.locator('tr[data-instance="e2e"] td[data-lane="session"]')).toHaveText(/^\d+ ms$|^\d+\.\d\d s$/);
  await expect(panel.locator('tr[data-instance="e2e"] td[data-lane="jwt"]')).toHaveText('accepted');
  // One instance is no cluster: no memory-store lesson.
  await expect(page.getByTestId('memory-cluster-lesson')).toHaveCount(0);
});

test('without a resource service the orders lane says how to start one, and the page explains its refusal of session cookies', async ({
  page,
}) => {
  await gotoReady(page, '/');
  const lane = page.getByTestId('lane-orders');
  await expect(lane).toHaveAttribute('data-running', 'false');
  await expect(lane).toContainText('not running here');
  await expect(lane).toContainText('npm run start:cluster');
  await expect(page.getByTestId('verdict-orders')).toHaveCount(0);
  const panel = page.getByTestId('orders-panel');
  await expect(panel).toContainText('Why the orders service refuses the session cookie');
  await expect(panel).toContainText('session_cookie_not_accepted');
  await expect(panel.getByTestId('orders-last')).toHaveCount(0);
});

test('at 390 px the race, the orders line and the instances panel fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page);
  await expect(page.getByTestId('timeline-instances')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('time-to-rejection-session')).toBeVisible({ timeout: 3000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const id of ['race', 'lane-orders', 'instances-panel', 'orders-panel', 'timeline-instances']) {
    const element = page.getByTestId(id);
    await element.scrollIntoViewIfNeeded();
    const box = (await element.boundingBox())!;
    expect(box.x, id).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, id).toBeLessThanOrEqual(390);
  }
});

test('the instance roster is an admin answer listing this instance and the version it serves', async ({ request }) => {
  expect((await request.get('/api/admin/instances')).status()).toBe(401);
  expect((await request.post('/api/admin/login', { data: { username: 'admin', password: 'control-room' } })).status()).toBe(200);
  const answer = await request.get('/api/admin/instances');
  expect(answer.status()).toBe(200);
  expect(answer.headers()['x-instance']).toBe('e2e');
  const body = (await answer.json()) as {
    instances: { id: string; version: number; receivedAt: number; reportedAt: number }[];
    settings: { version: number; updatedAt: number };
    answeredBy: string;
  };
  expect(body.answeredBy).toBe('e2e');
  const self = body.instances.find((entry) => entry.id === 'e2e');
  expect(self).toBeDefined();
  expect(self!.version).toBe(body.settings.version);
  expect(self!.reportedAt).toBeGreaterThanOrEqual(self!.receivedAt);
});
