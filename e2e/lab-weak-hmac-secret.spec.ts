import { expect, test } from '@playwright/test';
import { expectWeakAdminRealRefused, forgeAdminTokenOnPage } from './lab-forgery';

test('lab case 5: the HS256 secret is cracked in the browser and signs an admin token the weak endpoint accepts; the real one refuses it', async ({
  page,
}) => {
  await forgeAdminTokenOnPage(page, 'weak-hmac-secret', /Get a lab token for alice/, /Crack the secret and re-sign/);
  await expect(page.getByRole('status')).toContainText(/Secret found: "[a-z0-9]+" after \d+ guesses in \d+ ms/);
  await expectWeakAdminRealRefused(page);
  await expect(page.getByTestId('weak-answer')).toContainText('which is a dictionary word');
});
