import { expect, test } from '@playwright/test';
import { expectWeakAdminRealRefused, forgeAdminTokenOnPage } from './lab-forgery';

test('lab case 4: an unsigned token with alg none makes an admin on the weak endpoint, and the real one refuses it', async ({ page }) => {
  await forgeAdminTokenOnPage(page, 'alg-none', /Get a lab token for alice/, /Set alg none/);
  await expectWeakAdminRealRefused(page);
  await expect(page.getByLabel('Header (decoded, editable)')).toHaveValue(/"alg": "none"/);
  await expect(page.getByLabel('Token to send (editable)')).toHaveValue(/^[\w-]+\.[\w-]+\.$/);
  await expect(page.getByTestId('weak-answer')).toContainText('so no signature was checked');
});
