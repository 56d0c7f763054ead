import { expect, test } from '@playwright/test';
import { expectWeakAdminRealRefused, forgeAdminTokenOnPage } from './lab-forgery';

test('lab case 3: admin claims under alice’s old signature pass the weak endpoint, and the real one refuses them', async ({ page }) => {
  await forgeAdminTokenOnPage(page, 'unverified-claims', /Get a lab token for alice/, /Re-encode the edited payload/);
  await expectWeakAdminRealRefused(page);
  await expect(page.getByTestId('weak-answer')).toContainText('the signature was never checked');
});
