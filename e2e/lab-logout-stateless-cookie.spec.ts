import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
import { expectWeakAcceptedRealRefused } from './lab-answers';
import { shootLabPage } from './lab-shots';

test('a copied stateless lab cookie still works after logout; a copied real session cookie gets 401', async ({ page }) => {
  await gotoReady(page, '/lab/logout-stateless-cookie');
  await page.getByRole('button', { name: 'Sign in to both' }).click();
  await expect(page.getByRole('textbox', { name: /Copied lab cookie/ })).toHaveValue(/^Fe26\.2\*/);
  await page.getByRole('button', { name: 'Copy the real cookie' }).click();
  await expect(page.getByTestId('real-capture')).toHaveText('Real cookie copied (held server-side).');
  await page.getByRole('button', { name: 'Log out of both' }).click();
  await expect(page.getByRole('list', { name: 'What happened' })).toContainText('POST /api/session/logout → 204');
  // The browser really forgot both cookies.
  const names = (await page.context().cookies()).map((cookie) => cookie.name);
  expect(names.filter((name) => name.includes('session'))).toEqual([]);

  await page.getByRole('button', { name: 'Replay the copies' }).click();
  await expectWeakAcceptedRealRefused(page, { weak: ['"username": "alice"'], real: ['session_invalid'] });
  await shootLabPage(page, 'logout-stateless-cookie');

  // An edited copy is refused even by the weak lab: the seal is authenticated, just never revoked.
  const box = page.getByRole('textbox', { name: /Copied lab cookie/ });
  const seal = await box.inputValue();
  const middle = Math.floor(seal.length / 2);
  await box.fill(`${seal.slice(0, middle)}${seal[middle] === 'A' ? 'B' : 'A'}${seal.slice(middle + 1)}`);
  await page.getByRole('button', { name: 'Replay the copies' }).click();
  await expect(page.getByTestId('weak-answer')).toHaveAttribute('data-verdict', 'refused');
});

test('no lab endpoint hands out the real session cookie', async ({ page }) => {
  await gotoReady(page, '/lab/logout-stateless-cookie');
  await page.getByRole('button', { name: 'Sign in to both' }).click();
  await expect(page.getByRole('list', { name: 'What happened' })).toContainText('POST /api/session/login');
  const realCookie = (await page.context().cookies()).find((cookie) => /(^|-)session$/.test(cookie.name));
  expect(realCookie?.httpOnly).toBe(true);
  const capture = await page.request.post('/api/lab/real-session/capture');
  expect(capture.status()).toBe(200);
  const text = await capture.text();
  expect(text).not.toContain(realCookie?.value ?? 'missing');
  const { handle } = JSON.parse(text) as { handle: string };
  const replay = await page.request.post('/api/lab/real-session/replay', { data: { handle } });
  expect(await replay.json()).toMatchObject({ status: 200, body: { user: { username: 'alice' } } });
  expect(await replay.text()).not.toContain(realCookie?.value ?? 'missing');
  expect((await page.request.post('/api/lab/real-session/replay', { data: { handle: 'nope' } })).status()).toBe(404);
  expect(
    (
      await page.request.post('/api/lab/real-session/replay', { data: 'not json', headers: { 'content-type': 'application/json' } })
    ).status(),
  ).toBe(400);
});
