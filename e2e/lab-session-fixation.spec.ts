import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
import { expectWeakAcceptedRealRefused } from './lab-answers';
import { shootLabPage } from './lab-shots';

test('a planted lab id survives login and lets the attacker in; the real login replaces the planted cookie', async ({ page }) => {
  await gotoReady(page, '/lab/session-fixation');
  await page.getByRole('button', { name: 'Get the attacker’s sessions' }).click();
  const plantedBox = page.getByRole('textbox', { name: /Planted lab id/ });
  await expect(plantedBox).toHaveValue(/^sid-\d+-\d+$/);
  const plantedId = await plantedBox.inputValue();
  await page.getByRole('button', { name: 'Plant the lab id' }).click();
  await expect(page.getByRole('list', { name: 'What happened' })).toContainText(`plants lab_fixation_sid=${plantedId} → 204`);
  await page.getByRole('button', { name: 'Victim signs in' }).click();
  await expect(page.getByRole('list', { name: 'What happened' })).toContainText('the planted id was kept');
  await expect(page.getByTestId('real-cookie-changed')).toContainText('replaced at login');

  await page.getByRole('button', { name: 'Use the planted session' }).click();
  await expectWeakAcceptedRealRefused(page, { weak: ['"username": "alice"'], real: [] });

  await page.getByRole('button', { name: 'Guess the next id' }).click();
  await expect(page.getByTestId('guess-result')).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('guess-result')).toContainText('alice');
  const realIds = page.getByTestId('real-ids').getByRole('listitem');
  await expect(realIds).toHaveCount(2);
  const [first, second] = await realIds.allTextContents();
  expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(second).not.toBe(first);
  await shootLabPage(page, 'session-fixation');
});
