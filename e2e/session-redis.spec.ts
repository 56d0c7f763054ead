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

test('the session flow runs on real Redis, and fails closed with 503 when Redis dies', async ({ playwright }) => {
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
