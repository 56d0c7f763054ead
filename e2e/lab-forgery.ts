import { expect, type Page } from '@playwright/test';
import { gotoReady } from './helpers';
import { expectWeakAcceptedRealRefused } from './lab-answers';

/**
 * The token-forgery lab pages' common journey (cases 3-9, 16): get the legitimate token, make the
 * payload admin, run the case's forge button, send the token to both endpoints.
 */
export async function forgeAdminTokenOnPage(page: Page, slug: string, issueButton: RegExp, forgeButton: RegExp): Promise<void> {
  await gotoReady(page, `/lab/${slug}`);
  await page.getByRole('button', { name: issueButton }).click();
  await expect(page.getByLabel('Payload (decoded, editable)')).toHaveValue(/"usr_alice"/);
  await page.getByRole('button', { name: /Make me admin/ }).click();
  await expect(page.getByLabel('Payload (decoded, editable)')).toHaveValue(/"role": "admin"/);
  await page.getByRole('button', { name: forgeButton }).click();
  await expect(page.getByLabel('Payload (decoded, editable)')).toHaveValue(/"sub": "usr_admin"/);
}

/** Sends the token in the textarea to both endpoints; the weak one must let the admin in, the real one refuse. */
export async function expectWeakAdminRealRefused(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Send to both/ }).click();
  await expectWeakAcceptedRealRefused(page, { weak: ['"role": "admin"', '"sub": "usr_admin"'], real: ['"error": "invalid_token"'] });
}
