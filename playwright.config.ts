import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { DEMO_ADMIN } from '@/lib/users/demo-credentials';

/**
 * End-to-end tests run against the production build (`next build` + `next start`), in Chromium:
 * Playwright's own build when it is installed (a laptop after `npx playwright install chromium`),
 * otherwise the system Chromium (Debian's `chromium` package, as in CI here).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
/** A second server whose access tokens live 5 s, so expiry specs (e2e/jwt-expiry.spec.ts) need not wait 15 min. */
const shortTtlPort = Number(process.env.E2E_SHORT_TTL_PORT ?? 3101);
const ownChromium = existsSync(chromium.executablePath());
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// `npm test` builds once before running Playwright; a bare `npx playwright test` builds itself.
const startOn = (p: number) => `node_modules/.bin/next start -H 127.0.0.1 -p ${p}`;
const start = startOn(port);
const command = process.env.E2E_SKIP_BUILD === '1' ? start : `node_modules/.bin/next build && ${start}`;

const serverEnv = {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  // A fresh secret per run: nothing secret is ever committed, and the server refuses to start
  // in production without one.
  SESSION_PASSWORD: randomBytes(32).toString('base64url'),
  // Both servers share it: with E2E_REDIS_URL they share the signing key kept in the store.
  SIGNING_KEY_SECRET: randomBytes(32).toString('base64url'),
  // In production the admin needs a configured password. These servers set the public demo one
  // on purpose (it is no secret: the login cards print it), because the dashboard's one-button
  // "Sign in as admin" uses it; e2e/admin-password.spec.ts starts servers without it, and with a
  // password generated per run.
  ADMIN_PASSWORD: DEMO_ADMIN.password,
  ...(process.env.E2E_REDIS_URL ? { REDIS_URL: process.env.E2E_REDIS_URL } : {}),
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: ownChromium
      ? {}
      : {
          executablePath: systemChromium,
          // Without these, Chromium keeps dialling Google services this sandbox cannot reach.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
  },
  projects: [{ name: 'chromium' }],
  // Playwright starts these in order, so the second reuses the build the first one made.
  webServer: [
    {
      command,
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...serverEnv, INSTANCE_ID: 'e2e' },
    },
    {
      command: startOn(shortTtlPort),
      url: `http://127.0.0.1:${shortTtlPort}/api/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...serverEnv, INSTANCE_ID: 'e2e-short-ttl', ACCESS_TOKEN_TTL_SECONDS: '5' },
    },
  ],
});
