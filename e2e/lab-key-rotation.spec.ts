import { expect, test } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { gotoReady } from './helpers';
import { expectWeakAcceptedRealRefused } from './lab-answers';
import { shootLabPage } from './lab-shots';

// This spec rotates and retires the real signing key: it gets a server of its own, so the shared
// e2e server keeps its key for every other spec.
let server: RunningAppServer;

test.beforeAll(async () => {
  server = await startAppServer({ INSTANCE_ID: 'e2e-lab-key-rotation' });
});

test.afterAll(async () => {
  await server?.stop();
});

test('the kid-less lab key can never rotate, so an old-key token lives on; the real key rotates by kid and the retired kid verifies nothing', async ({
  page,
}) => {
  await gotoReady(page, `${server.baseURL}/lab/key-rotation`);
  const jwks = page.getByTestId('jwks-kids');
  const log = page.getByRole('list', { name: 'What happened' });

  await page.getByRole('button', { name: 'Issue the tokens' }).click();
  await expect(log).toContainText('Lab token header {"alg":"EdDSA","typ":"lab+jwt"}');
  await expect(log).toContainText(/real token header \{"alg":"EdDSA","kid":"[^"]+"/);
  await expect(jwks).not.toContainText('not read yet');
  expect((await jwks.locator('.font-mono').textContent())?.split(', ')).toHaveLength(1);

  await page.getByRole('button', { name: 'Rotate the keys' }).click();
  await expect(log).toContainText('the token issued before → 401: every user would be logged out');
  await expect(log).toContainText('POST /api/admin/keys/rotate → 200; the JWKS now lists 2 keys; the token issued before → 200');
  expect((await jwks.locator('.font-mono').textContent())?.split(', ')).toHaveLength(2);

  await page.getByRole('button', { name: 'Retire the old key' }).click();
  await expect(log).toContainText(/POST \/api\/admin\/keys\/retire \S+ → 200; the JWKS now lists 1 key$/);

  await page.getByRole('button', { name: 'Present old-key tokens' }).click();
  await expectWeakAcceptedRealRefused(page, { weak: ['"username": "alice"'], real: ['invalid_token'] });
  await shootLabPage(page, 'key-rotation');
});
