import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

// This server issues 5 s access tokens (ACCESS_TOKEN_TTL_SECONDS=5, see playwright.config.ts), so
// each window refreshes every few seconds and the theft plays out in about twenty.
const shortTtlBaseURL = `http://127.0.0.1:${process.env.E2E_SHORT_TTL_PORT ?? 3101}`;
test.use({ baseURL: shortTtlBaseURL });

const REAL_TOKEN_LABEL = 'Real refresh token (what malware on this device could copy)';
const LAB_TOKEN_LABEL = 'Lab refresh token (what malware on this device could copy)';

/** One window in its own browser context: the victim's and the attacker's share no cookies or memory. */
async function openWindow(browser: Browser, role: 'victim' | 'attacker'): Promise<Page> {
  const context = await browser.newContext({ baseURL: shortTtlBaseURL });
  const page = await context.newPage();
  await gotoReady(page, role === 'attacker' ? '/lab/theft?role=attacker' : '/lab/theft');
  await expect(page.getByRole('radio', { name: `${role} window` })).toBeChecked();
  return page;
}

/** axe-core on a window mid-demo (the page audit in lab-audits.spec.ts only sees it before sign-in). */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

const refreshCount = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

test('a stolen refresh token: reuse is detected and both windows are signed out; the non-rotating lab token keeps the attacker in', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const victim = await openWindow(browser, 'victim');
  const attacker = await openWindow(browser, 'attacker');
  await expect(victim.getByTestId('access-ttl')).toHaveText('5 s');
  await expect(victim.getByTestId('refresh-grace')).toHaveText('10 s');

  await victim.getByRole('button', { name: 'Sign in as the victim' }).click();
  await expect(victim.getByTestId('victim-real-status')).toHaveText('Signed in as bob');
  await expect(victim.getByTestId('victim-lab-status')).toHaveText('Signed in as bob');
  // Steal right after the victim's first automatic refresh: the attacker then uses the token
  // before the victim's next refresh would.
  await expect(victim.getByTestId('victim-real-refreshes')).toHaveText('1', { timeout: 8_000 });
  const stolen = await victim.getByLabel(REAL_TOKEN_LABEL).inputValue();
  const stolenLab = await victim.getByLabel(LAB_TOKEN_LABEL).inputValue();
  expect(stolen).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
  expect(stolenLab).toMatch(/^labrt\./);

  await attacker.getByLabel('Stolen real refresh token').fill(stolen);
  await attacker.getByRole('button', { name: 'Refresh with the stolen real token' }).click();
  await attacker.getByLabel('Stolen lab refresh token').fill(stolenLab);
  await attacker.getByRole('button', { name: 'Refresh with the stolen lab token' }).click();
  const attackerAnswers = attacker.getByTestId('attacker-real-answers').locator('li');
  await expect(attackerAnswers.last()).toHaveAttribute('data-status', '200');
  await expect(attacker.getByTestId('attacker-real-status')).toHaveText('Signed in as bob');
  await expect(attacker.getByTestId('attacker-lab-status')).toHaveText('Signed in as bob');
  const victimLabRefreshesAtTheft = await refreshCount(victim, 'victim-lab-refreshes');
  await expectNoAxeViolations(victim);
  await expectNoAxeViolations(attacker);

  // The victim's next refresh presents the token the attacker already rotated: inside the grace
  // window it is told to retry (it might be a second tab), after it the reuse is called theft.
  await expect(victim.locator('[data-testid="victim-real-answers"] li[data-code="refresh_reused"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(victim.getByTestId('victim-real-status')).toHaveText('Signed out: refresh_reused');
  await expect(victim.getByTestId('victim-real-countdown')).toHaveText('none');
  // The family is gone: the attacker's next refresh is refused too, within one access-token lifetime.
  await expect(attacker.getByTestId('attacker-real-status')).toHaveText('Signed out: refresh_revoked', { timeout: 8_000 });
  await expect(attacker.locator('[data-testid="attacker-real-answers"] li[data-code="refresh_revoked"]')).toHaveCount(1);
  // The attacker's window held a live access token when the theft was detected, so it saw the event on the real stream.
  await expect(attacker.locator('[data-testid="attacker-real-events"] li[data-type="refresh_reused"]')).toHaveCount(1);

  // Meanwhile the lab token, never rotated, kept working for both and still does.
  expect(await refreshCount(victim, 'victim-lab-refreshes')).toBeGreaterThan(victimLabRefreshesAtTheft);
  expect(await refreshCount(attacker, 'attacker-lab-refreshes')).toBeGreaterThanOrEqual(2);
  await expect(victim.getByTestId('victim-lab-status')).toHaveText('Signed in as bob');
  await expect(attacker.getByTestId('attacker-lab-status')).toHaveText('Signed in as bob');
  const attackerLabBefore = await refreshCount(attacker, 'attacker-lab-refreshes');
  await attacker.getByTestId('attacker-lab').getByRole('button', { name: 'Refresh now' }).click();
  await expect.poll(() => refreshCount(attacker, 'attacker-lab-refreshes')).toBeGreaterThan(attackerLabBefore);
  await expect(attacker.getByTestId('attacker-lab-answers').locator('li').first()).toHaveText(/200 new access token, same refresh token/);
  await expect(attacker.getByTestId('attacker-lab-me')).toHaveText('200');

  await victim.context().close();
  await attacker.context().close();
});

test('two tabs refreshing at once: the grace window keeps the login, without it the login dies as if stolen', async ({ page }) => {
  await gotoReady(page, '/lab/theft');
  await expect(page.getByTestId('refresh-grace')).toHaveText('10 s');
  const grace = page.getByRole('switch', { name: 'Grace window' });
  await expect(grace).toBeChecked();
  await page.getByRole('button', { name: 'Refresh from two tabs at once' }).click();
  const result = page.getByTestId('two-tabs-result');
  await expect(result).toHaveAttribute('data-grace', 'on');
  await expect(result).toHaveAttribute('data-outcome', 'survived');
  await expect(result.locator('li')).toHaveCount(3);
  expect(await result.locator('li').evaluateAll((items) => items.map((item) => `${item.dataset.status} ${item.dataset.code}`))).toEqual([
    '200 ',
    '409 refresh_in_progress',
    '200 ',
  ]);

  await grace.click();
  await expect(grace).not.toBeChecked();
  await page.getByRole('button', { name: 'Refresh from two tabs at once' }).click();
  await expect(result).toHaveAttribute('data-grace', 'off');
  await expect(result).toHaveAttribute('data-outcome', 'revoked');
  expect(await result.locator('li').evaluateAll((items) => items.map((item) => `${item.dataset.status} ${item.dataset.code}`))).toEqual([
    '200 ',
    '401 refresh_reused',
    '401 refresh_revoked',
  ]);
});
