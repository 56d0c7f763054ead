import { expect, type Page } from '@playwright/test';
import { DEFAULT_DEMO_USER, DEMO_ADMIN } from '@/lib/users/demo-credentials';

/**
 * Opens a page and waits until React has hydrated it (`<html data-hydrated="1">`, set by the root
 * layout after every effect of the page has run): only then are click handlers and keyboard
 * shortcuts attached. Every test that interacts right after navigating goes through here.
 */
export async function gotoReady(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '1');
}

/** Same for a reload. */
export async function reloadReady(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '1');
}

/** Signs the page's browser context in on both strategies through the API (cookies land in the context). */
export async function signInBothThroughApi(
  page: Page,
  credentials: { username: string; password: string } = DEFAULT_DEMO_USER,
): Promise<void> {
  const data = { username: credentials.username, password: credentials.password };
  expect((await page.request.post('/api/session/login', { data })).status()).toBe(200);
  expect((await page.request.post('/api/jwt/login', { data })).status()).toBe(200);
}

export async function signInAdminThroughApi(page: Page): Promise<void> {
  const data = { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password };
  expect((await page.request.post('/api/admin/login', { data })).status()).toBe(200);
}
