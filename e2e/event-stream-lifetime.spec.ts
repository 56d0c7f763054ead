import { expect, test } from '@playwright/test';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';

/** On the server whose access tokens live 5 s: an event stream opened with a token ends at the token's exp. */
test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_SHORT_TTL_PORT ?? 3101}` });

test('the JWT event stream ends with event: ended at the access token expiry', async ({ request }) => {
  const login = await request.post('/api/jwt/login', { data: DEFAULT_DEMO_USER });
  expect(login.status()).toBe(200);
  const exp = ((await (await request.get('/api/jwt/me')).json()) as { token: { exp: number } }).token.exp;

  // The whole body arrives only when the server closes the stream.
  const stream = await request.get('/api/events', { timeout: 15_000 });
  expect(stream.status()).toBe(200);
  const text = await stream.text();
  const closedAt = Date.now();
  expect(text).toContain('event: ended\ndata: {"reason":"token_expired"}');
  expect(closedAt).toBeGreaterThanOrEqual(exp * 1000);
  expect(closedAt).toBeLessThan(exp * 1000 + 2000);
});
