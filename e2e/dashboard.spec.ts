import { expect, test, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

/**
 * The home page dashboard at projector size: both logins, the credential inspectors, and the
 * revocation race with and without the denylist. Screenshots of each state are saved as test
 * artifacts (test-results/e2e/...) and the final ones are committed under docs/screenshots.
 */

const DEFAULTS = { accessTokenTtlSeconds: 900, denylist: false, refreshGraceSeconds: 10, storeLatencyMs: 0 };

async function resetSettings(page: Page) {
  expect((await page.request.post('/api/admin/login', { data: { username: 'admin', password: 'control-room' } })).status()).toBe(200);
  const response = await page.request.put('/api/admin/settings', { data: DEFAULTS });
  expect(response.status()).toBe(200);
}

async function openDashboard(page: Page, query = '') {
  await gotoReady(page, `/${query}`);
  await page.getByRole('button', { name: 'Sign in as admin' }).click();
  await expect(page.getByRole('button', { name: /^Revoke / })).toBeVisible();
  // A link's settings are a proposal (e2e/link-settings.spec.ts): the presenter applies them.
  const proposal = page.getByRole('region', { name: 'Settings proposed by this link' });
  if (/[?&](ttl|denylist)=/.test(query)) {
    await proposal.getByRole('button', { name: 'Apply' }).click();
    await expect(proposal).toBeHidden();
  }
}

async function logInBoth(page: Page) {
  await page.getByRole('button', { name: /Log in both as alice/ }).click();
  await expect(page.getByTestId('session-user')).toContainText('alice');
  await expect(page.getByTestId('jwt-user')).toContainText('alice');
}

test.afterEach(async ({ page }) => {
  await resetSettings(page);
});

test('logging in on both sides shows what each browser holds and what the server did', async ({ page }, testInfo) => {
  await openDashboard(page);
  await logInBoth(page);

  const sessionCookie = page.getByTestId('session-cookie');
  await expect(sessionCookie).toContainText('__Host-session');
  for (const flag of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']) await expect(sessionCookie).toContainText(flag);
  await expect(sessionCookie).toContainText(/\d+ bytes/);
  await expect(page.getByTestId('session-record')).toContainText('session:');

  const jwtCookie = page.getByTestId('jwt-cookie');
  await expect(jwtCookie).toContainText('__Host-access-token');
  for (const flag of ['HttpOnly', 'Secure', 'SameSite=Lax']) await expect(jwtCookie).toContainText(flag);
  const decoded = page.getByTestId('jwt-decoded');
  await expect(decoded).toContainText('"alg": "EdDSA"');
  await expect(decoded).toContainText('"typ": "at+jwt"');
  await expect(decoded).toContainText('"username": "alice"');
  await expect(page.getByTestId('jwt-exp-countdown')).toContainText(/exp in \d+\.\d s/);
  await expect(page.getByTestId('refresh-cookie')).toContainText('Path=/api/jwt/refresh');
  await expect(page.getByTestId('refresh-cookie')).toContainText('SameSite=Strict');
  await expect(page.getByTestId('refresh-family')).toContainText('generation 1 is current');

  // The cookies are HttpOnly: the page itself cannot read them, and says so.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await expect(page.getByTestId('session-script-view')).toContainText('document.cookie = ""');

  // After a poll or two, the server's own numbers: one lookup per session request, none for JWT.
  await expect(page.getByTestId('session-lookups')).toContainText('store lookups 1');
  await expect(page.getByTestId('jwt-lookups')).toContainText('store lookups 0');
  await expect(page.getByTestId('session-phase-lookup')).toBeVisible();
  await expect(page.getByTestId('jwt-phase-verify')).toBeVisible();
  // Every command the request caused, counted at the driver: the same one read, and none for JWT.
  await expect(page.getByTestId('session-commands')).toContainText('store commands 1');
  await expect(page.getByTestId('jwt-commands')).toContainText('store commands 0');
  // Beside each phase, the library call alone as the server measured it at start-up.
  await expect(page.getByTestId('session-phase-unseal')).toContainText(/alone \d/);
  await expect(page.getByTestId('jwt-phase-verify')).toContainText(/alone \d/);
  await expect(page.getByTestId('session-totals')).toContainText('lookups/req1.00');
  await expect(page.getByTestId('jwt-totals')).toContainText('lookups/req0.00');

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('dashboard-signed-in-1280x720.png') });
  await page.screenshot({ path: testInfo.outputPath('dashboard-signed-in-1280-full.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('dashboard-signed-in-1440x900.png'), fullPage: true });
});

test('the race with 5 s access tokens: session rejected within two polls, JWT counts down and falls at expiry', async ({
  page,
}, testInfo) => {
  await openDashboard(page, '?present=1&ttl=5&denylist=0');
  await expect(page.locator('main')).toHaveAttribute('data-presenter', 'on');
  await expect(page.getByRole('button', { name: '5 s' })).toHaveAttribute('aria-pressed', 'true');
  await logInBoth(page);
  await expect(page.getByTestId('lane-session').locator('circle').first()).toBeVisible();

  await page.keyboard.press('r');
  await expect(page.getByTestId('revoke-marker')).toBeVisible();
  // Polling every 1 s: the session lane is refused within two poll intervals.
  await expect(page.getByTestId('time-to-rejection-session')).toBeVisible({ timeout: 2000 });
  await expect(page.getByTestId('verdict-session')).toContainText('session_invalid');
  const sessionSeconds = Number((await page.getByTestId('time-to-rejection-session').textContent())!.replace(' s', ''));
  expect(sessionSeconds).toBeLessThanOrEqual(2);
  // Meanwhile the JWT is still accepted, with the reason and a countdown.
  await expect(page.getByTestId('verdict-jwt')).toContainText('still accepted');
  await expect(page.getByTestId('verdict-jwt')).toContainText('nobody asks the store');
  await expect(page.getByTestId('jwt-countdown')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('race-jwt-still-accepted-1280x720.png') });

  await expect(page.getByTestId('time-to-rejection-jwt')).toBeVisible({ timeout: 9000 });
  await expect(page.getByTestId('verdict-jwt')).toContainText(/refresh_revoked|refresh_reused/);
  await expect(page.getByTestId('race-lesson')).toContainText('kept working until its access token expired');
  const jwtSeconds = Number((await page.getByTestId('time-to-rejection-jwt').textContent())!.replace(' s', ''));
  expect(jwtSeconds).toBeGreaterThan(sessionSeconds);
  expect(jwtSeconds).toBeLessThanOrEqual(7);
  testInfo.annotations.push({
    type: 'dashboard time to first rejection',
    description: `session ${sessionSeconds} s, jwt ${jwtSeconds} s (5 s tokens, 1 s polls, denylist off)`,
  });
  await page.screenshot({ path: testInfo.outputPath('race-both-rejected-1280x720.png') });
  // No scrolling needed for the race in presenter mode at 1280x720.
  const box = await page.getByTestId('race').boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(720);
});

test('the race with the denylist on: both lanes rejected within two polls', async ({ page }, testInfo) => {
  await openDashboard(page, '?present=1&ttl=5&denylist=1');
  await expect(page.getByRole('checkbox', { name: /Denylist/ })).toBeChecked();
  await logInBoth(page);
  await expect(page.getByTestId('jwt-lookups')).toContainText('store lookups 1');
  await expect(page.getByTestId('jwt-phase-denylist')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('time-to-rejection-session')).toBeVisible({ timeout: 2000 });
  await expect(page.getByTestId('time-to-rejection-jwt')).toBeVisible({ timeout: 2000 });
  await expect(page.getByTestId('verdict-jwt')).toContainText('token_revoked');
  await expect(page.getByTestId('race-lesson')).toContainText('one store lookup per request');
  testInfo.annotations.push({
    type: 'dashboard time to first rejection',
    description: `session ${await page.getByTestId('time-to-rejection-session').textContent()}, jwt ${await page.getByTestId('time-to-rejection-jwt').textContent()} (denylist on)`,
  });
  await page.screenshot({ path: testInfo.outputPath('race-denylist-1280x720.png') });
});

test('the numbers come from the server: 50 ms of simulated store latency shows in lookup, not in verify', async ({ page }) => {
  await openDashboard(page);
  await page.getByLabel('Simulated store latency').selectOption('50');
  await expect(page.getByTestId('store-badge')).toContainText('includes 50 ms simulated latency', { timeout: 7000 });
  await logInBoth(page);
  const lookup = page.getByTestId('session-phase-lookup');
  const verify = page.getByTestId('jwt-phase-verify');
  await expect(lookup).toBeVisible();
  await expect(verify).toBeVisible();
  // Wait for a poll made after the login, then read what the server reported.
  await page.waitForTimeout(1500);
  const lookupMs = Number(/lookup ([\d.]+) ms/.exec((await lookup.textContent())!)![1]);
  const verifyMs = Number(/verify ([\d.]+) ms/.exec((await verify.textContent())!)![1]);
  expect(lookupMs).toBeGreaterThanOrEqual(50);
  expect(verifyMs).toBeLessThan(50);
});

test('keyboard shortcuts are listed on "?"', async ({ page }) => {
  await gotoReady(page, '/');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('revoke the user');
  await expect(dialog).toContainText('toggle the JWT denylist');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
