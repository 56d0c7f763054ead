import { expect, test } from '@playwright/test';
import { appPaths } from './app-pages';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';

const labPages = appPaths('app/lab', 'page');
const labApis = appPaths('app/api/lab', 'route');

/**
 * LAB_ENABLED=0 switches the whole lab off: every page under /lab and every route under /api/lab
 * answers 404, found on disk at test time (e2e/app-pages.ts).
 */
let off: RunningAppServer;

test.beforeAll(async () => {
  off = await startAppServer({ LAB_ENABLED: '0', INSTANCE_ID: 'e2e-lab-off' });
});

test.afterAll(async () => {
  await off?.stop();
});

test('the lab has pages and API routes to switch off', () => {
  expect(labPages).toContain('/lab');
  expect(labPages.length).toBeGreaterThan(1);
  expect(labApis).toContain('/api/lab/cases');
});

test('with LAB_ENABLED=0 every /lab page is a 404 and every /api/lab route a JSON 404, for GET and POST', async ({ request }) => {
  for (const page of labPages) {
    const response = await request.get(`${off.baseURL}${page}`);
    expect(response.status(), page).toBe(404);
  }
  for (const api of labApis) {
    for (const method of ['GET', 'POST'] as const) {
      const response = await request.fetch(`${off.baseURL}${api}`, { method, data: method === 'POST' ? {} : undefined });
      // A method the route does not export is Next's own 405; every method it does export is the lab's 404.
      if (response.status() === 405) continue;
      expect(response.status(), `${method} ${api}`).toBe(404);
      expect(await response.json(), `${method} ${api}`).toMatchObject({ error: 'not_found' });
    }
  }
});

test('the dashboard links to the lab only where the lab is on', async ({ page }) => {
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await page.goto('/');
  await expect(pages.getByRole('link', { name: 'Attack lab' })).toHaveAttribute('href', '/lab');
  await page.goto(`${off.baseURL}/`);
  await expect(pages.getByRole('link', { name: 'Scenarios' })).toBeVisible();
  await expect(pages.getByRole('link', { name: 'Attack lab' })).toHaveCount(0);
});

test('with the lab on (the default) its index and routes answer', async ({ page, request }) => {
  expect((await request.get('/api/lab/cases')).status()).toBe(200);
  await page.goto('/lab');
  await expect(page.getByRole('heading', { name: 'Attack lab' })).toBeVisible();
  await expect(page.getByTestId('lab-banner')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Lab cases' }).getByRole('listitem')).toHaveCount(16);
});
