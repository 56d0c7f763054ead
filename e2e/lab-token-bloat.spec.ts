import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
import { shootLabPage } from './lab-shots';

test('past 4096 bytes Chromium drops the fat lab cookie silently and the user is signed out; the real token stays small', async ({
  page,
}) => {
  await gotoReady(page, '/lab/token-bloat');
  const slider = page.getByRole('slider', { name: 'Extra claims in the lab token' });

  await slider.fill('10');
  await page.getByRole('button', { name: 'Sign in with 10 claims' }).click();
  await expect(page.getByTestId('lab-outcome')).toHaveAttribute('data-signed-in', 'true');
  await expect(page.getByTestId('lab-outcome')).toContainText('10 claims arrived');
  await expect(page.getByTestId('real-outcome')).toHaveAttribute('data-signed-in', 'true');
  const realBytes = Number(await page.getByTestId('real-size').getAttribute('data-bytes'));
  expect(realBytes).toBeGreaterThan(200);
  expect(realBytes).toBeLessThan(1000);

  await slider.fill('120');
  await page.getByRole('button', { name: 'Sign in with 120 claims' }).click();
  await expect(page.getByTestId('lab-outcome')).toHaveAttribute('data-signed-in', 'false');
  await expect(page.getByTestId('lab-outcome')).toContainText('401');
  expect(Number(await page.getByTestId('lab-size').getAttribute('data-bytes'))).toBeGreaterThan(4096);
  // The server did send the Set-Cookie; it is Chromium that refused to keep it.
  expect((await page.context().cookies()).some((cookie) => cookie.name === 'lab_fat_jwt')).toBe(false);
  await expect(page.getByTestId('real-outcome')).toHaveAttribute('data-signed-in', 'true');
  await shootLabPage(page, 'token-bloat');
});

test('the fat-token login refuses a claim count outside the slider', async ({ request }) => {
  const answer = await request.post('/api/lab/token-bloat/login', { data: { claims: 10_000 } });
  expect(answer.status()).toBe(400);
  expect(await answer.json()).toMatchObject({ error: 'bad_request' });
});
