import { expect, test } from '@playwright/test';
import { expectWeakAdminRealRefused, forgeAdminTokenOnPage } from './lab-forgery';

test('lab case 8: kid ../../dev/null and an empty HMAC key makes an admin on the weak endpoint, and the real one refuses it', async ({
  page,
}) => {
  await forgeAdminTokenOnPage(page, 'kid-injection', /Get a lab token for alice/, /Point kid at \/dev\/null/);
  await expectWeakAdminRealRefused(page);
  await expect(page.getByLabel('Header (decoded, editable)')).toHaveValue(/"kid": "..\/..\/dev\/null"/);
  await expect(page.getByTestId('weak-answer')).toContainText('resolved to /dev/null (0 bytes)');
});
