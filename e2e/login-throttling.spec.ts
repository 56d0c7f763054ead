import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';
import { LOGIN_MAX_FAILURES_PER_ACCOUNT, PASSWORD_HASHING_MAX_ACTIVE, PASSWORD_HASHING_MAX_QUEUED } from '@/lib/policy';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';

// A production server of its own (its own memory store and counters), so locking the demo accounts
// out here leaves the other specs' server alone. Real OWASP-cost scrypt on every checked login.
// The default limits, in hour-long windows: a test must not straddle a window boundary (the
// counts would start again), and with an hour that rarely means waiting (see `awaitRoomInWindow`).
const WINDOW_SECONDS = 3600;
let app: RunningAppServer;

test.beforeAll(async () => {
  app = await startAppServer({ INSTANCE_ID: 'e2e-throttle', LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS) });
});

/** Waits for the next window when fewer than `seconds` are left in this one (same clock as the server's). */
async function awaitRoomInWindow(seconds: number): Promise<void> {
  const windowMs = WINDOW_SECONDS * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

test.afterAll(async () => {
  await app?.stop();
});

const [alice, bob] = DEMO_CREDENTIALS;
const LIMIT = LOGIN_MAX_FAILURES_PER_ACCOUNT.defaultValue;
const DOORS = ['/api/session/login', '/api/admin/login', '/api/jwt/login', '/api/jwt/token'];

/** Sends `count` requests, `concurrency` at a time, and returns the responses in order. */
async function burst(count: number, concurrency: number, send: () => Promise<APIResponse>): Promise<APIResponse[]> {
  const responses: APIResponse[] = [];
  for (let start = 0; start < count; start += concurrency) {
    responses.push(...(await Promise.all(Array.from({ length: Math.min(concurrency, count - start) }, send))));
  }
  return responses;
}

const wrongPassword = (api: APIRequestContext, username: string) =>
  api.post('/api/session/login', { data: { username, password: 'not-the-password' } });

test('sixty wrong passwords for one account: 401 up to the limit, then 429 rate_limited with Retry-After, the right password refused too', async ({
  playwright,
}) => {
  test.setTimeout(300_000);
  await awaitRoomInWindow(120);
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  const responses = await burst(60, 2, () => wrongPassword(api, alice.username));
  const statuses = responses.map((response) => response.status());
  expect(statuses.slice(0, LIMIT)).toEqual(new Array(LIMIT).fill(401));
  expect(statuses.slice(LIMIT)).toEqual(new Array(60 - LIMIT).fill(429));
  const refused = responses[LIMIT]!;
  expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(refused.headers()['retry-after'])).toBeLessThanOrEqual(WINDOW_SECONDS);

  // The right password, at every password login: refused before any password work, so quickly.
  for (const path of DOORS) {
    const started = Date.now();
    const response = await api.post(path, { data: { username: alice.username, password: alice.password } });
    expect(response.status(), path).toBe(429);
    expect(response.headers()['retry-after'], path).toMatch(/^\d+$/);
    expect(response.headers()['set-cookie'], path).toBeUndefined();
    expect(Date.now() - started, path).toBeLessThan(1000);
  }
  // Another account is not affected.
  expect((await api.post('/api/session/login', { data: { username: bob.username, password: bob.password } })).status()).toBe(200);
  await api.dispose();
});

test('sixty wrong passwords all at once: no success, every refusal fast and with Retry-After, and at most the limit plus the hashing queue checked', async ({
  playwright,
}) => {
  test.setTimeout(300_000);
  await awaitRoomInWindow(150);
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  const responses = await Promise.all(Array.from({ length: 60 }, () => wrongPassword(api, bob.username)));
  const count = (status: number) => responses.filter((response) => response.status() === status).length;
  expect(count(401) + count(429) + count(503)).toBe(60);
  // Concurrent attempts that passed the counter check before any failure was counted are bounded
  // by the hashing slots; the rest were refused with 503 server_busy before any scrypt.
  expect(count(401)).toBeLessThanOrEqual(PASSWORD_HASHING_MAX_ACTIVE + PASSWORD_HASHING_MAX_QUEUED);
  expect(count(503)).toBeGreaterThan(0);
  for (const response of responses.filter((candidate) => candidate.status() !== 401)) {
    expect(['rate_limited', 'server_busy']).toContain((await response.json()).error);
    expect(response.headers()['retry-after']).toMatch(/^\d+$/);
  }
  // Keep guessing: the failures add up to the limit and the account locks.
  await expect.poll(async () => (await wrongPassword(api, bob.username)).status(), { timeout: 120_000, intervals: [50] }).toBe(429);
  expect((await api.post('/api/jwt/token', { data: { username: bob.username, password: bob.password } })).status()).toBe(429);
  await api.dispose();
});
