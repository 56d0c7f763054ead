import { expect, test } from '@playwright/test';
import { expectWeakAdminRealRefused, forgeAdminTokenOnPage } from './lab-forgery';

test('lab case 7: jku pointed at an attacker key set served on loopback makes an admin on the weak endpoint; the real one refuses it', async ({
  page,
}) => {
  await forgeAdminTokenOnPage(page, 'jku-injection', /Get a lab token for alice/, /Host my key set and point jku at it/);
  await expect(page.getByLabel('Header (decoded, editable)')).toHaveValue(
    /"jku": "http:\/\/127\.0\.0\.1:\d+\/api\/lab\/jku-injection\/attacker-keys\//,
  );
  await expectWeakAdminRealRefused(page);
  await expect(page.getByTestId('weak-answer')).toContainText("fetched from the token's own jku");
});

test('lab case 7: the weak endpoint will not fetch a jku off its own loopback origin', async ({ request }) => {
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', jku: 'http://169.254.169.254/latest/meta-data' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: 'usr_admin', role: 'admin' })).toString('base64url');
  const response = await request.get('/api/lab/jku-injection/me', { headers: { Authorization: `Bearer ${header}.${payload}.AAAA` } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: 'invalid_token', message: expect.stringContaining('own loopback origin') });
});
