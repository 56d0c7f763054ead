import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

const COOKIE = '__Host-session';

async function logInThroughPage(page: Page, username = 'alice', password = 'wonderland') {
  await gotoReady(page, '/session');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in with a session cookie' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(`Signed in as ${username}`);
}

async function sessionCookie(context: BrowserContext) {
  const cookies = await context.cookies();
  const cookie = cookies.find((c) => c.name === COOKIE);
  expect(cookie, `expected a ${COOKIE} cookie`).toBeDefined();
  return cookie!;
}

test('logging in through the page sets a hardened session cookie that page scripts cannot read', async ({ page, context }, testInfo) => {
  await logInThroughPage(page);
  const cookie = await sessionCookie(context);
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.secure).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  expect(cookie.path).toBe('/');
  // No Domain attribute: a host-only cookie (Playwright reports the exact host, without a leading dot).
  expect(cookie.domain).toBe('127.0.0.1');
  expect(cookie.value.startsWith('Fe26.2*')).toBe(true);
  expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + 11 * 3600);

  const visibleToScripts = await page.evaluate(() => document.cookie);
  expect(visibleToScripts).not.toContain(COOKIE);
  expect(visibleToScripts).not.toContain(cookie.value);

  await page.getByRole('button', { name: 'Check /me' }).click();
  await expect(page.getByTestId('last-check')).toContainText('X-Store-Lookups1');
  await expect(page.getByTestId('session-list')).toContainText('this device');
  await page.screenshot({ path: testInfo.outputPath('session-signed-in-1280x720.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('session-signed-in-1440x900.png'), fullPage: true });
});

test('after logout, replaying the captured cookie is refused with 401', async ({ page, context, request }) => {
  await logInThroughPage(page);
  const captured = await sessionCookie(context);
  const header = { cookie: `${COOKIE}=${captured.value}` };

  const before = await request.get('/api/session/me', { headers: header });
  expect(before.status()).toBe(200);
  expect(before.headers()['x-store-lookups']).toBe('1');

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Log in with a session cookie' })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === COOKIE)).toBeUndefined();

  const replay = await request.get('/api/session/me', { headers: header });
  expect(replay.status()).toBe(401);
  expect(await replay.json()).toMatchObject({ error: 'session_invalid' });
  // It got past the seal (the cookie is genuine) and was refused by the lookup.
  expect(replay.headers()['x-store-lookups']).toBe('1');
  expect(replay.headers()['server-timing']).toMatch(/unseal;dur=[\d.]+, lookup;dur=[\d.]+/);
});

test('"log out everywhere" in one browser ends the session in another on its next request', async ({ browser }) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const laptopPage = await laptop.newPage();
  const phonePage = await phone.newPage();
  await logInThroughPage(laptopPage);
  // Other tests on this server may have left alice signed in elsewhere: count relative to now.
  const sessionsOf = async () =>
    ((await (await laptop.request.get('/api/session/sessions')).json()) as { sessions: { current: boolean }[] }).sessions;
  const before = await sessionsOf();
  await logInThroughPage(phonePage);
  const after = await sessionsOf();
  expect(after).toHaveLength(before.length + 1);
  expect(after.filter((s) => s.current)).toHaveLength(1);

  expect((await phone.request.get('/api/session/me')).status()).toBe(200);
  await laptopPage.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(laptopPage.getByRole('button', { name: 'Log in with a session cookie' })).toBeVisible();

  const phoneNext = await phone.request.get('/api/session/me');
  expect(phoneNext.status()).toBe(401);
  expect(await phoneNext.json()).toMatchObject({ error: 'session_invalid' });
  await laptop.close();
  await phone.close();
});

test('a wrong password shows an error and sets no cookie', async ({ page, context }) => {
  await gotoReady(page, '/session');
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('not-her-password');
  await page.getByRole('button', { name: 'Log in with a session cookie' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password' })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === COOKIE)).toBeUndefined();
});

test('a cross-site form POST to logout is refused and the session survives', async ({ page, context }) => {
  await logInThroughPage(page);
  const response = await context.request.post('/api/session/logout', {
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: 'cross_site_request' });
  expect((await context.request.get('/api/session/me')).status()).toBe(200);
});

test('malformed, forged and oversized session cookies are a JSON 401, never a 500, and change nothing', async ({
  request,
  context,
  page,
}) => {
  await logInThroughPage(page);
  const genuine = (await sessionCookie(context)).value;
  const parts = genuine.split('*');
  parts[4] = (parts[4]![0] === 'A' ? 'B' : 'A') + parts[4]!.slice(1);
  const cases: Record<string, string> = {
    garbage: 'hello',
    crafted: 'Fe26.2*1*a*b*c*x*g*h',
    truncated: genuine.slice(0, genuine.length - 20),
    tampered: parts.join('*'),
    oversized: `Fe26.2*${'A'.repeat(5000)}`,
    'another name only': '',
  };
  for (const [label, value] of Object.entries(cases)) {
    const response = await request.get('/api/session/me', { headers: { cookie: `${COOKIE}=${value}` } });
    expect(response.status(), label).toBe(401);
    const body = await response.json();
    expect(['session_invalid', 'unauthenticated'], label).toContain(body.error);
    expect(typeof body.message, label).toBe('string');
    expect(response.headers()['x-store-lookups'], label).toBe('0');
  }
  // The genuine session was not disturbed by any of it.
  expect((await request.get('/api/session/me', { headers: { cookie: `${COOKIE}=${genuine}` } })).status()).toBe(200);
});
