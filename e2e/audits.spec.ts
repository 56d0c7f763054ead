import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectPageErrors, cumulativeLayoutShift, layoutProblems } from './audit-helpers';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_GRACE_SECONDS, STORE_LATENCY_MS } from '@/lib/policy';
import { gotoReady, signInAdminThroughApi, signInBothThroughApi } from './helpers';

/**
 * Audits of every page, signed out, and of the dashboard signed in: no layout shift worth the
 * name (CLS < 0.1, as Core Web Vitals counts "good"), no console errors or failed requests, no
 * axe-core violations, and nothing cut off or overlapping on a 390 px phone. Screenshots of each
 * page at 1280x720, 1440x900 and 390x844 are saved as test artifacts.
 */

interface AuditedPage {
  path: string;
  name: string;
  /** What the page shows once it has loaded everything it loads by itself. */
  settled(page: Page): Promise<void>;
  /** What a visitor needs to see: it must be on screen, within the viewport's width. */
  keyContent(page: Page): Locator[];
}

const SIGNED_OUT_PAGES: AuditedPage[] = [
  {
    path: '/',
    name: 'dashboard',
    settled: async (page) => {
      await expect(page.getByTestId('store-badge')).toContainText(/round trip \d+\.\d{2} ms/);
      await expect(page.getByTestId('column-session').getByRole('button', { name: /alice/ })).toBeVisible();
    },
    keyContent: (page) => [
      page.getByRole('heading', { level: 1, name: 'session-vs-jwt' }),
      page.getByTestId('store-badge'),
      page.getByTestId('column-session').getByRole('button', { name: /alice/ }),
      page.getByTestId('column-jwt').getByRole('button', { name: /alice/ }),
      page.getByRole('button', { name: /Log in both as alice/ }),
      page.getByRole('button', { name: 'Sign in as admin' }),
      page.getByTestId('session-totals'),
      page.getByTestId('jwt-totals'),
    ],
  },
  {
    path: '/session',
    name: 'session',
    settled: async (page) => {
      await expect(page.getByRole('button', { name: 'Log in with a session cookie' })).toBeVisible();
    },
    keyContent: (page) => [
      page.getByRole('heading', { level: 1, name: 'Session cookie' }),
      page.getByLabel('Username'),
      page.getByLabel('Password'),
      page.getByRole('button', { name: 'Log in with a session cookie' }),
    ],
  },
  {
    path: '/jwt',
    name: 'jwt',
    settled: async (page) => {
      await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
    },
    keyContent: (page) => [
      page.getByRole('heading', { level: 1, name: 'JWT + refresh' }),
      page.getByLabel('Username'),
      page.getByLabel('Password'),
      page.getByRole('button', { name: 'Log in', exact: true }),
    ],
  },
  {
    path: '/admin',
    name: 'admin',
    settled: async (page) => {
      await expect(page.getByRole('button', { name: 'Log in as administrator' })).toBeVisible();
    },
    keyContent: (page) => [
      page.getByRole('heading', { level: 1, name: 'Admin console' }),
      page.getByLabel('Username'),
      page.getByLabel('Password'),
      page.getByRole('button', { name: 'Log in as administrator' }),
    ],
  },
];

/** The dashboard with alice signed in on both sides and the admin signed in: every panel full. */
const SIGNED_IN_DASHBOARD: AuditedPage = {
  path: '/',
  name: 'dashboard-signed-in',
  settled: async (page) => {
    await expect(page.getByTestId('session-user')).toContainText('alice');
    await expect(page.getByTestId('jwt-user')).toContainText('alice');
    // Presenter mode leaves the session record out to keep the race on screen.
    if ((await page.locator('main').getAttribute('data-presenter')) === 'off')
      await expect(page.getByTestId('session-record')).toBeVisible();
    await expect(page.getByTestId('jwt-decoded')).toBeVisible();
    await expect(page.getByTestId('refresh-family')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Revoke / })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Denylist/ })).toBeVisible();
    await expect(page.getByTestId('store-badge')).toContainText(/round trip/);
    // Two polls on each side: the "what the server did" panels and the timeline are filled in.
    for (const side of ['session', 'jwt']) {
      await expect.poll(async () => Number(await page.getByTestId(`${side}-requests`).textContent())).toBeGreaterThanOrEqual(2);
    }
  },
  keyContent: (page) => [
    page.getByTestId('session-user'),
    page.getByTestId('jwt-user'),
    page.getByTestId('session-cookie'),
    page.getByTestId('jwt-cookie'),
    page.getByTestId('jwt-decoded'),
    page.getByTestId('refresh-family'),
    page.getByTestId('session-totals'),
    page.getByTestId('jwt-totals'),
    page.getByRole('button', { name: /^Revoke / }),
  ],
};

const SIGNED_IN_PAGES: AuditedPage[] = [
  {
    path: '/session',
    name: 'session-signed-in',
    settled: async (page) => {
      await expect(page.getByTestId('signed-in-as')).toContainText('alice');
      await expect(page.getByTestId('last-check')).toContainText('X-Store-Lookups1');
      await expect(page.getByTestId('session-list')).toContainText('this device');
    },
    keyContent: (page) => [
      page.getByTestId('signed-in-as'),
      page.getByRole('button', { name: 'Log out everywhere' }),
      page.getByTestId('last-check'),
      page.getByTestId('session-list'),
    ],
  },
  {
    path: '/jwt',
    name: 'jwt-signed-in',
    settled: async (page) => {
      await expect(page.getByTestId('jwt-username')).toHaveText('alice');
      await expect(page.getByTestId('jwt-me-status')).toHaveText('200');
    },
    keyContent: (page) => [
      page.getByTestId('jwt-username'),
      page.getByRole('button', { name: 'Call /api/jwt/me' }),
      page.getByTestId('jwt-jti'),
      page.getByTestId('jwt-expires-in'),
    ],
  },
  {
    path: '/admin',
    name: 'admin-signed-in',
    settled: async (page) => {
      await expect(page.getByTestId('admin-signed-in')).toContainText('admin');
      await expect(page.getByTestId('settings-version')).toBeVisible();
      await expect(page.getByTestId('signing-keys')).toContainText('current');
      await expect(page.getByText('● live')).toBeVisible();
    },
    keyContent: (page) => [
      page.getByTestId('admin-signed-in'),
      page.getByRole('button', { name: /^Revoke / }),
      page.getByRole('button', { name: 'Save settings' }),
      page.getByTestId('signing-keys'),
    ],
  },
];

/** Alice on both strategies and the admin, with the settings every other spec expects. */
async function signInEverywhere(page: Page) {
  await signInBothThroughApi(page);
  await signInAdminThroughApi(page);
  const defaults = {
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS.defaultValue,
    denylist: false,
    refreshGraceSeconds: REFRESH_GRACE_SECONDS.defaultValue,
    storeLatencyMs: STORE_LATENCY_MS.defaultValue,
  };
  expect((await page.request.put('/api/admin/settings', { data: defaults })).status()).toBe(200);
}

/**
 * Loads the page and waits until it has settled: hydrated, everything it loads by itself loaded,
 * then one more second in which nothing is expected to happen (a shift in it would still count).
 */
async function openSettled(page: Page, audited: AuditedPage) {
  await gotoReady(page, audited.path);
  await audited.settled(page);
  await page.waitForTimeout(1000);
}

async function expectNoLayoutShift(page: Page) {
  const cls = await cumulativeLayoutShift(page);
  expect(cls.total, `layout shifts: ${JSON.stringify(cls.shifts, null, 1)}`).toBeLessThan(0.1);
  return cls.total;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

async function expectFitsPhone(page: Page, audited: AuditedPage) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'the page scrolls sideways at 390 px').toBeLessThanOrEqual(390);
  for (const locator of audited.keyContent(page)) {
    await locator.scrollIntoViewIfNeeded();
    await expect(locator).toBeVisible();
    const box = (await locator.boundingBox())!;
    expect(box.x, `${locator} starts left of the screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${locator} ends right of the screen`).toBeLessThanOrEqual(390);
  }
  expect(await layoutProblems(page)).toEqual([]);
}

// One page load per viewport carries every check of that viewport: each load waits for the page
// to settle and then one quiet second, and six loads per page made this the suite's slowest file.
for (const audited of SIGNED_OUT_PAGES) {
  test.describe(`${audited.path} signed out`, () => {
    test('at 1280x720: no console error or failed request, layout shift under 0.1, no axe-core violation, nothing cut off (nor at 1440x900)', async ({
      page,
    }, testInfo) => {
      const errors = collectPageErrors(page);
      await openSettled(page, audited);
      const cls = await expectNoLayoutShift(page);
      await expectNoAxeViolations(page);
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`${audited.name}-1280x720.png`) });
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`${audited.name}-1440x900.png`), fullPage: true });
      expect(errors).toEqual([]);
      testInfo.annotations.push({ type: 'CLS', description: `${audited.path} signed out: ${cls.toFixed(4)} at 1280x720` });
    });

    test('at 390x844: layout shift under 0.1, nothing cut off, overlapping or off-screen', async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openSettled(page, audited);
      const cls = await expectNoLayoutShift(page);
      await expectFitsPhone(page, audited);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath(`${audited.name}-390x844.png`), fullPage: true });
      testInfo.annotations.push({ type: 'CLS', description: `${audited.path} signed out: ${cls.toFixed(4)} at 390x844` });
    });
  });
}

test.describe('/ signed in (both strategies and the admin)', () => {
  test.beforeEach(async ({ page }) => {
    await signInEverywhere(page);
  });

  test('at 1280x720: no console error or failed request, layout shift under 0.1, no axe-core violation (also with the shortcut help open)', async ({
    page,
  }, testInfo) => {
    const errors = collectPageErrors(page);
    await openSettled(page, SIGNED_IN_DASHBOARD);
    const cls = await expectNoLayoutShift(page);
    await expectNoAxeViolations(page);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    testInfo.annotations.push({ type: 'CLS', description: `/ signed in: ${cls.toFixed(4)} at 1280x720` });
  });

  test('in presenter mode: layout shift under 0.1', async ({ page }, testInfo) => {
    await openSettled(page, { ...SIGNED_IN_DASHBOARD, path: '/?present=1' });
    const cls = await expectNoLayoutShift(page);
    testInfo.annotations.push({ type: 'CLS', description: `/ signed in: ${cls.toFixed(4)} presenter` });
  });

  test('at 390x844: layout shift under 0.1, nothing cut off, overlapping or off-screen', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openSettled(page, SIGNED_IN_DASHBOARD);
    const cls = await expectNoLayoutShift(page);
    await expectFitsPhone(page, SIGNED_IN_DASHBOARD);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath('dashboard-signed-in-390x844.png'), fullPage: true });
    testInfo.annotations.push({ type: 'CLS', description: `/ signed in: ${cls.toFixed(4)} at 390x844` });
  });
});

for (const audited of SIGNED_IN_PAGES) {
  test.describe(`${audited.path} signed in`, () => {
    test('no axe-core violation and no console error; nothing cut off at 1280x720, nor at 390 px', async ({ page }, testInfo) => {
      // Signing in everywhere costs three password checks: one sign-in serves both viewports.
      await signInEverywhere(page);
      const errors = collectPageErrors(page);
      await openSettled(page, audited);
      await expectNoAxeViolations(page);
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`${audited.name}-1280x720.png`) });
      await page.setViewportSize({ width: 390, height: 844 });
      await openSettled(page, audited);
      await expectFitsPhone(page, audited);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath(`${audited.name}-390x844.png`), fullPage: true });
      expect(errors).toEqual([]);
    });
  });
}
