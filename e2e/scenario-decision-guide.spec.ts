import { expect, test, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

/** Answers one question: the radio button inside the fieldset named by the question. */
async function answer(page: Page, question: RegExp, choice: RegExp): Promise<void> {
  await page.getByRole('group', { name: question }).getByRole('radio', { name: choice }).check();
}

test('the article’s admin dashboard answers lead to session cookies and the race with 15-minute tokens', async ({ page }) => {
  await gotoReady(page, '/scenarios/decision-guide');
  const recommendation = page.getByTestId('recommendation');
  await expect(recommendation).toHaveAttribute('data-strategy', 'none');
  await answer(page, /Who calls your backend/, /Browsers only/);
  await answer(page, /How many services/, /One backend/);
  await answer(page, /how soon must they be out/, /At their next request/);
  await expect(recommendation).toHaveAttribute('data-strategy', 'none');
  await answer(page, /fast shared store/, /Yes/);

  await expect(recommendation).toHaveAttribute('data-strategy', 'session-cookies');
  await expect(page.getByTestId('recommendation-title')).toHaveText(/Session cookies/);
  await expect(recommendation).toContainText('“log everyone out now” is one operation');
  const link = recommendation.getByRole('link', { name: 'See it on the dashboard' });
  await expect(link).toHaveAttribute('href', '/?ttl=900&denylist=0');
  await link.click();
  await expect(page).toHaveURL(/\/\?ttl=900&denylist=0$/);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '1');
});

test('a mobile app that can wait minutes for revocation leads to short access tokens with refresh tokens, and changing an answer changes the pick', async ({
  page,
}) => {
  await gotoReady(page, '/scenarios/decision-guide');
  const recommendation = page.getByTestId('recommendation');
  await answer(page, /Who calls your backend/, /mobile apps or third-party/);
  await answer(page, /How many services/, /One backend/);
  await answer(page, /how soon must they be out/, /Within a few minutes/);
  await answer(page, /fast shared store/, /No, or it is far away/);

  await expect(recommendation).toHaveAttribute('data-strategy', 'jwt-refresh');
  await expect(page.getByTestId('recommendation-title')).toHaveText('Short JWT access tokens with revocable refresh tokens');
  await expect(recommendation).toContainText('bearer token');
  await expect(recommendation.getByRole('link', { name: 'See it on the dashboard' })).toHaveAttribute('href', '/?ttl=300&denylist=0');
  await expect(page.getByTestId('dashboard-setup')).toContainText('access tokens of 5 min and the denylist off');

  // Needing revocation at the next request, with a store nearby, brings in the denylist.
  await answer(page, /how soon must they be out/, /At their next request/);
  await answer(page, /fast shared store/, /Yes/);
  await expect(recommendation).toHaveAttribute('data-strategy', 'jwt-refresh-denylist');
  await expect(recommendation.getByRole('link', { name: 'See it on the dashboard' })).toHaveAttribute('href', '/?ttl=300&denylist=1');
});
