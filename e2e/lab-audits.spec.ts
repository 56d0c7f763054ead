import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { appPaths } from './app-pages';
import { collectPageErrors, layoutProblems } from './audit-helpers';
import { gotoReady } from './helpers';

/**
 * A lighter audit of every lab and scenario page, found on disk (e2e/app-pages.ts), as a visitor
 * first sees it: no console error or failed request, no axe-core violation, nothing cut off at a
 * projector's 1280x720 or on a 390 px phone. The per-case specs check what each page does; this
 * checks that each one is readable. Screenshots at 1280x720 are saved as test artifacts.
 */
const PAGES = [...appPaths('app/lab', 'page'), ...appPaths('app/scenarios', 'page')].filter((path) => !path.includes('/x'));

test('audits the lab index and the scenarios index among the pages', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['/lab', '/scenarios']));
});

for (const path of PAGES) {
  test(`${path}: no console errors, no axe violations, nothing cut off at 1280x720 or 390 px`, async ({ page }, testInfo) => {
    const errors = collectPageErrors(page);
    await gotoReady(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    const violations = axe.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
    expect(violations, violations.join('\n')).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`${path.slice(1).replaceAll('/', '-')}-1280x720.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page scrolls sideways at 390 px').toBeLessThanOrEqual(390);
    expect(await layoutProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
