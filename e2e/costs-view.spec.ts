import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { buildBenchReportFixture } from '../test-utils/bench-report-fixture';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { layoutProblems } from './audit-helpers';
import { gotoReady, signInAdminThroughApi, signInBothThroughApi } from './helpers';

/**
 * The Costs view (`/?view=costs`): the latest bench report as charts (or the message that there is
 * none), a live measurement from the browser with its own session and JWT, and the latency
 * projection. It runs its own server with BENCH_REPORT_PATH pointing at a temporary file, so the
 * spec decides whether a report exists (a fixture built in code, never docs/bench/latest.json).
 */

let app: RunningAppServer;
let directory: string;
let reportFile: string;

test.beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'costs-view-'));
  reportFile = path.join(directory, 'latest.json');
  app = await startAppServer({ BENCH_REPORT_PATH: reportFile });
});

test.afterAll(async () => {
  await app?.stop();
  await rm(directory, { recursive: true, force: true });
});

async function openCosts(browser: Browser, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.baseURL, viewport });
  return context.newPage();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[data-testid=costs-view]').analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

const phaseChart = (page: Page) => page.getByTestId('chart-phases');

test('says there is no bench run when the report is missing or malformed, and charts it once it is there', async ({ browser }) => {
  await rm(reportFile, { force: true });
  const page = await openCosts(browser);
  await gotoReady(page, '/?view=costs');
  await expect(page.getByTestId('bench-missing')).toHaveText('No bench run yet: run npm run bench.');
  await expect(phaseChart(page)).toHaveCount(0);

  await writeFile(reportFile, '{"version": 1, "date": ');
  await gotoReady(page, '/?view=costs');
  await expect(page.getByTestId('bench-missing')).toContainText(
    'No bench run yet: run npm run bench (docs/bench/latest.json could not be used: the report is not JSON)',
  );

  await writeFile(reportFile, JSON.stringify({ ...buildBenchReportFixture(), version: 2 }));
  await gotoReady(page, '/?view=costs');
  await expect(page.getByTestId('bench-missing')).toContainText('version is not 1');

  await writeFile(reportFile, JSON.stringify(buildBenchReportFixture()));
  await gotoReady(page, '/?view=costs');
  await expect(page.getByTestId('bench-source')).toContainText('FIXTURE (test data, not a measurement) (2 cores, 4 GiB), Node v20.19.0');
  await expect(page.getByTestId('costs-conclusion')).toHaveText(
    /^On Redis, a session spends 1\.57 ms authenticating each request and a JWT 572 µs/,
  );
  await expect(phaseChart(page).locator('svg desc')).toContainText('session /me · unseal: app 1.11 ms, minimal 884 µs, library 417 µs');
  await expect(page.getByTestId('crossover')).toContainText('the session path already costs 994 µs more per request than the JWT path');
  // The store switch redraws the charts and the conclusion from that store's numbers.
  await page.getByLabel('Store shown').selectOption('upstash');
  await expect(page.getByTestId('costs-conclusion')).toHaveText(/^On Upstash \(REST\), a session spends 2\.71 ms/);
  await expect(page.getByTestId('chart-throughput').locator('svg desc')).toContainText(
    'session /me: memory 2,560, Redis 2,048, Upstash (REST) 1,152',
  );
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('measures both strategies live from the browser and fills the same charts', async ({ browser }) => {
  await writeFile(reportFile, JSON.stringify(buildBenchReportFixture()));
  const page = await openCosts(browser);
  await signInBothThroughApi(page);
  // The dashboard's own switch leads here.
  await gotoReady(page, '/');
  await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Costs' }).click();
  await expect(page).toHaveURL(/\?view=costs$/);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '1');
  await expect(page.getByTestId('live-panel')).toContainText('session /me ✓ signed in, JWT /me ✓ signed in');

  await page.getByRole('button', { name: 'Measure live' }).click();
  await expect(page.getByTestId('cold-note')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('cold-note')).toHaveText(
    /^(No answer was marked cold \(X-Cold-Start\): all 600 warm answers are in the medians\.|\d+ cold answers? \(X-Cold-Start: 1\) left out of the medians; \d+ counted\.)$/,
  );
  await expect(page.getByTestId('live-panel')).toContainText('session /me 300 requests, JWT /me 300 requests');
  await expect(page.getByLabel('live from this browser')).toBeChecked();
  // Every phase the server timed got a number; the minimal routes are a bench-only reference.
  const spokenPhases = phaseChart(page).locator('svg desc');
  await expect(spokenPhases).toContainText(/session \/me · unseal: app \d+(\.\d+)? (µs|ms), minimal bench only/);
  await expect(spokenPhases).toContainText(/session \/me · lookup: app \d+(\.\d+)? (µs|ms)/);
  await expect(spokenPhases).toContainText(/JWT \/me · verify: app \d+(\.\d+)? (µs|ms)/);
  await expect(page.getByTestId('chart-throughput').locator('svg desc')).toHaveText(
    /^session \/me: (memory|Redis|Upstash \(REST\)) [\d,]+; JWT \/me: (memory|Redis|Upstash \(REST\)) [\d,]+$/,
  );
  await expect(page.getByTestId('chart-bytes').locator('svg desc')).toContainText(/session \/me: credential [\d,]+ B/);
  await expect(page.getByTestId('costs-conclusion')).toHaveText(
    /^On (the in-memory store|Redis|Upstash \(REST\)), a session spends .+ and a JWT .+\.$/,
  );
  await expectNoAxeViolations(page);

  // Back to the bench numbers at will.
  await page.getByLabel('latest bench').check();
  await expect(page.getByTestId('costs-conclusion')).toHaveText(/^On Redis/);
  await page.context().close();
});

test('says which routes cannot be measured when the browser is not signed in', async ({ browser }) => {
  const page = await openCosts(browser);
  await gotoReady(page, '/?view=costs');
  await expect(page.getByTestId('live-panel')).toContainText('session /me ✕ not signed in, JWT /me ✕ not signed in');
  await page.getByRole('button', { name: 'Measure live' }).click();
  await expect(page.getByTestId('live-panel')).toContainText('Session not measured: not signed in with a session cookie');
  await expect(page.getByTestId('live-panel')).toContainText('JWT not measured: not signed in with a JWT');
  await page.context().close();
});

test('an admin applies a simulated latency and re-measures; the projection takes it out', async ({ browser }) => {
  await writeFile(reportFile, JSON.stringify(buildBenchReportFixture()));
  const page = await openCosts(browser, { width: 1440, height: 900 });
  await signInBothThroughApi(page);
  await signInAdminThroughApi(page);
  await gotoReady(page, '/?view=costs');
  await page.getByLabel('Simulated store latency').selectOption('20');
  await page.getByRole('button', { name: 'Apply and measure live' }).click();
  await expect(page.getByTestId('cold-note')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('store-badge')).toContainText('includes 20 ms simulated latency');
  await expect(page.getByTestId('costs-conclusion')).toContainText('with 20 ms of simulated store latency');
  // The session's lookup waited 20 ms; its median says so.
  await expect(phaseChart(page).locator('svg desc')).toContainText(/session \/me · lookup: app 2\d\.\d ms/);
  await expect(page.getByText('The numbers were measured with 20 ms of simulated latency, taken out before projecting.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Simulated store latency').selectOption('0');
  await page.getByRole('button', { name: 'Apply and measure live' }).click();
  await expect(page.getByTestId('store-badge')).not.toContainText('simulated latency');
  await page.context().close();
});

test('usable at 390 px with the bench and live numbers: nothing cut off, overlapping or off-screen', async ({ browser }) => {
  await writeFile(reportFile, JSON.stringify(buildBenchReportFixture()));
  const page = await openCosts(browser, { width: 390, height: 844 });
  await signInBothThroughApi(page);
  await gotoReady(page, '/?view=costs');
  expect(await layoutProblems(page)).toEqual([]);
  await page.getByRole('button', { name: 'Measure live' }).click();
  await expect(page.getByTestId('cold-note')).toBeVisible({ timeout: 60_000 });
  expect(await layoutProblems(page)).toEqual([]);
  await page.context().close();
});
