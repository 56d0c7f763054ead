import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
import { expectWeakAcceptedRealRefused } from './lab-answers';
import { shootLabPage } from './lab-shots';

test('an injected script steals the lab token from localStorage but finds no real token; it can still act while it runs', async ({
  page,
}) => {
  await gotoReady(page, '/lab/local-storage');
  await page.getByRole('button', { name: 'Sign in to both' }).click();
  await expect(page.getByText(/real JWT login 200/)).toBeVisible();
  const realCookies = (await page.context().cookies()).filter((cookie) => /access-token|refresh-token/.test(cookie.name));
  expect(realCookies.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Run the injected script' }).click();
  const inbox = page.getByRole('region', { name: 'Attacker inbox' });
  await expect(inbox.getByTestId('tokens-found')).toHaveText(/^1:/);
  await expect(inbox).toContainText('lab_local_storage_token = eyJ');
  for (const cookie of realCookies) await expect(inbox).not.toContainText(cookie.value.slice(-20));
  await expect(page.getByTestId('acting-as-victim')).toContainText('200 as alice');

  await page.getByRole('button', { name: 'Replay the stolen tokens' }).click();
  await expectWeakAcceptedRealRefused(page, { weak: ['"username": "alice"'], real: [] });
  await shootLabPage(page, 'local-storage');

  const inboxApi = await page.request.post('/api/lab/local-storage/inbox', { data: { page: '/', localStorage: { a: 1 }, cookies: '' } });
  expect(inboxApi.status()).toBe(400);
  expect(await inboxApi.json()).toMatchObject({ error: 'bad_request' });
});
