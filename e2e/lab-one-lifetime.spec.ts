import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
import { shootLabPage } from './lab-shots';

test('a stolen one-lifetime refresh token keeps minting tokens; the real rotated one is spent by the victim’s refresh', async ({
  page,
}) => {
  await gotoReady(page, '/lab/one-lifetime');
  // The timeline uses this server's live access-token lifetime (15 min on the main e2e server).
  await expect(page.getByRole('heading', { name: /access tokens live 900 s/ })).toBeVisible();
  await expect(page.getByTestId('worth-weak')).toContainText('Stolen access token7 d');
  await expect(page.getByTestId('worth-real')).toContainText('Stolen access token15 min');

  await page.getByRole('button', { name: 'Steal the tokens and replay them' }).click();
  const weak = page.getByTestId('weak-answer');
  const real = page.getByTestId('real-answer');
  await expect(weak).toHaveAttribute('data-verdict', 'accepted');
  await expect(weak).toContainText('"access_token": "eyJ');
  await expect(real).toHaveAttribute('data-verdict', 'refused');
  await expect(real).toContainText(/40[19]/);
  await expect(page.getByRole('list', { name: 'What happened' })).toContainText('The victim refreshes as usual: lab 200');
  await shootLabPage(page, 'one-lifetime');
});
