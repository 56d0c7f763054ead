import { expect, test } from '@playwright/test';
import { signInAdminThroughApi, signInBothThroughApi } from './helpers';

/**
 * The hardening headers on the production build: every page has a nonce CSP that still lets the
 * page hydrate (a CSP that is too strict shows up as a dead page and a console violation), API
 * answers a static deny-all CSP, and no HSTS over plain http.
 */
const PAGES = ['/', '/session', '/jwt', '/admin'];

test.describe('security headers', () => {
  for (const path of PAGES) {
    test(`${path}: nonce CSP, the other headers, hydrated, no CSP violation`, async ({ page }) => {
      await signInBothThroughApi(page);
      await signInAdminThroughApi(page);
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/content security policy|refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
      });
      page.on('pageerror', (error) => violations.push(error.message));

      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const headers = response!.headers();
      const csp = headers['content-security-policy'];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
      for (const directive of [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-eval');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['strict-transport-security']).toBeUndefined();
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', '1');

      // A fresh nonce per request.
      const again = (await page.request.get(path)).headers()['content-security-policy'];
      expect(again).not.toBe(csp);
      expect(violations).toEqual([]);
    });
  }

  test('a page and an API route refuse a Host a DNS-rebinding page would send, with the JSON 421', async ({ request }) => {
    for (const path of ['/', '/api/jwt/me']) {
      const response = await request.get(path, { headers: { host: 'rebind.attacker.test' } });
      expect(response.status()).toBe(421);
      expect(await response.json()).toMatchObject({ error: 'misdirected_request' });
    }
  });

  test('API answers carry the deny-all CSP and no HSTS over http', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers()['strict-transport-security']).toBeUndefined();
    expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  });
});
