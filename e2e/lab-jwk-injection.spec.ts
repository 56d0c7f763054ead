import { expect, test } from '@playwright/test';
import { expectWeakAdminRealRefused, forgeAdminTokenOnPage } from './lab-forgery';

test('lab case 6: a token signed by the attacker’s own embedded key makes an admin on the weak endpoint, and the real one refuses it', async ({
  page,
}) => {
  await forgeAdminTokenOnPage(page, 'jwk-injection', /Get a lab token for alice/, /Sign with my own key/);
  await expectWeakAdminRealRefused(page);
  await expect(page.getByLabel('Header (decoded, editable)')).toHaveValue(/"jwk": \{/);
  await expect(page.getByTestId('weak-answer')).toContainText('the jwk the token carried');
});
