import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

test('lab case 16: the lab token carries the email and password hash for anyone to read; the real token does not', async ({ page }) => {
  await gotoReady(page, '/lab/sensitive-payload');
  await page.getByRole('button', { name: /Log in to the lab as alice/ }).click();
  const labPayload = page.getByLabel('Payload (decoded, editable)');
  await expect(labPayload).toHaveValue(/"email": "alice@example\.com"/);
  await expect(labPayload).toHaveValue(/"passwordHash": "\$scrypt\$/);

  await page.getByRole('button', { name: /Decode the app’s real token for alice/ }).click();
  const realPayload = page.getByTestId('real-token-payload');
  await expect(realPayload).toContainText('"sub": "usr_alice"');
  await expect(realPayload).toContainText('"role": "user"');
  await expect(realPayload).not.toContainText('email');
  await expect(realPayload).not.toContainText('scrypt');
  await expect(realPayload).not.toContainText('password');

  await page.getByRole('button', { name: /Send to both/ }).click();
  const weak = page.getByTestId('weak-answer');
  await expect(weak).toHaveAttribute('data-verdict', 'accepted');
  await expect(weak).toContainText('"passwordHash": "$scrypt$');
  await expect(page.getByTestId('real-answer')).toHaveAttribute('data-verdict', 'refused');
  await expect(page.getByTestId('real-answer')).toContainText('"error": "invalid_token"');
});
