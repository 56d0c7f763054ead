import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
import { expectWeakAdminRealRefused, forgeAdminTokenOnPage } from './lab-forgery';

test('lab case 9: an HS256 admin token keyed with the public JWKS passes the unpinned verifier; the real one refuses it', async ({
  page,
}) => {
  await forgeAdminTokenOnPage(page, 'algorithm-confusion', /Get alice’s real access token/, /HMAC-sign with the public JWKS/);
  await expect(page.getByLabel('Header (decoded, editable)')).toHaveValue(/"alg": "HS256"/);
  await expectWeakAdminRealRefused(page);
  await expect(page.getByTestId('weak-answer')).toContainText('the public JWKS text was used as the HMAC secret');
});

test('lab case 9: the weak service verifies the untouched real token correctly, like the real endpoint', async ({ page }) => {
  await gotoReady(page, '/lab/algorithm-confusion');
  await page.getByRole('button', { name: /Get alice’s real access token/ }).click();
  await expect(page.getByLabel('Payload (decoded, editable)')).toHaveValue(/"usr_alice"/);
  await page.getByRole('button', { name: /Send to both/ }).click();
  await expect(page.getByTestId('weak-answer')).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('weak-answer')).toContainText('the published public key verified it');
  await expect(page.getByTestId('real-answer')).toHaveAttribute('data-verdict', 'accepted');
});
