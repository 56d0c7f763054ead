import { expect, test } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { startRedisServer, type RunningRedis } from '../test-utils/redis-server';

// An app instance of its own on a real redis-server, so Redis can be killed mid-test.
let redis: RunningRedis;
let app: RunningAppServer;

test.beforeAll(async () => {
  redis = await startRedisServer();
  app = await startAppServer({ REDIS_URL: redis.url, INSTANCE_ID: 'e2e-redis' });
});

test.afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

test('the session flow on real Redis, and fails closed with 503 when Redis dies', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  const health = await (await api.get('/api/health')).json();
  expect(health.store).toMatchObject({ driver: 'redis', ok: true, singleInstanceOnly: false });

  const login = await api.post('/api/session/login', { data: { username: 'bob', password: 'the-builder' } });
  expect(login.status()).toBe(200);
  const me = await api.get('/api/session/me');
  expect(me.status()).toBe(200);
  expect(me.headers()['x-store-lookups']).toBe('1');
  expect((await me.json()).user.username).toBe('bob');

  await redis.kill();

  const started = Date.now();
  const down = await api.get('/api/session/me');
  expect(down.status()).toBe(503);
  expect(await down.json()).toMatchObject({ error: 'store_unavailable' });
  expect(Date.now() - started).toBeLessThan(2000);

  const loginWhileDown = await api.post('/api/session/login', { data: { username: 'alice', password: 'wonderland' } });
  expect(loginWhileDown.status()).toBe(503);
  expect(loginWhileDown.headers()['set-cookie']).toBeUndefined();

  expect((await api.get('/api/health')).status()).toBe(503);
  await api.dispose();
});

test('the JWT flow on real Redis: /me keeps verifying while Redis is down, everything that needs the store fails closed', async ({
  playwright,
}) => {
  // A fresh Redis for this test: the previous test killed its own.
  redis = await startRedisServer({ port: redis.port });
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  await expect.poll(async () => (await api.get('/api/health')).status(), { timeout: 5000 }).toBe(200);

  const login = await api.post('/api/jwt/login', { data: { username: 'alice', password: 'wonderland' } });
  expect(login.status()).toBe(200);
  expect((await api.get('/api/jwt/me')).status()).toBe(200);

  await redis.kill();

  // Stateless: the access token still verifies with no store at all (the point of JWTs)...
  const me = await api.get('/api/jwt/me');
  expect(me.status()).toBe(200);
  expect(me.headers()['x-store-lookups']).toBe('0');
  // ...but refreshing, logging in and logging out need the store, and fail closed.
  const refresh = await api.post('/api/jwt/refresh');
  expect(refresh.status()).toBe(503);
  expect(await refresh.json()).toMatchObject({ error: 'store_unavailable' });
  expect(refresh.headers()['set-cookie']).toBeUndefined();
  const loginWhileDown = await api.post('/api/jwt/login', { data: { username: 'bob', password: 'the-builder' } });
  expect(loginWhileDown.status()).toBe(503);
  expect(loginWhileDown.headers()['set-cookie']).toBeUndefined();
  const logout = await api.delete('/api/jwt/refresh');
  expect(logout.status()).toBe(503);
  await api.dispose();
});
