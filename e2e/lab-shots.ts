import type { Page } from '@playwright/test';

/**
 * With LAB_SHOTS_DIR set, saves the page as it is now at the two sizes the lab must look right at
 * (a 1280x720 projector and a 1440x900 laptop), full height, for a person to look at. Without it,
 * nothing: the specs' assertions are the test.
 */
export async function shootLabPage(page: Page, name: string): Promise<void> {
  const dir = process.env.LAB_SHOTS_DIR;
  if (!dir) return;
  const original = page.viewportSize();
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${name}-${width}x${height}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
