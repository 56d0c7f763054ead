import { expect, test, type APIRequestContext } from '@playwright/test';
import { createClient } from 'redis';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { findFreePort } from '../test-utils/free-port';
import { startRedisServer, type RunningRedis } from '../test-utils/redis-server';

// The production server measuring itself: it warms up before it is measured, says which requests
// ran cold, and its store-free path sends Redis nothing beyond its own fixed background polling.
let redis: RunningRedis;
let app: RunningAppServer;

test.beforeAll(async () => {
  redis = await startRedisServer();
  app = await startAppServer({ REDIS_URL: redis.url, INSTANCE_ID: 'e2e-costs' });
});

test.afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

interface CostsBody {
  warmedAt: number | null;
  warmedBy: 'warm-up' | 'traffic' | null;
  coldRequests: number;
  driver: string;
  library: Record<'unseal' | 'verify' | 'storeGet', { medianMs: number; p90Ms: number; samples: number }> | null;
}

async function costsOf(api: APIRequestContext): Promise<{ body: CostsBody; cold: boolean }> {
  const response = await api.get('/api/costs');
  expect(response.status()).toBe(200);
  return { body: (await response.json()) as CostsBody, cold: response.headers()['x-cold-start'] === '1' };
}

test('warms itself up at start, measures the library calls alone, and labels only what ran before that as cold', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  let coldSeen = 0;
  let costs = await costsOf(api);
  const deadline = Date.now() + 30_000;
  while (costs.body.warmedAt === null && Date.now() < deadline) {
    if (costs.cold) coldSeen += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
    costs = await costsOf(api);
  }
  if (costs.cold) coldSeen += 1;
  expect(costs.body.warmedBy).toBe('warm-up');
  // Every request the server counted as cold was labelled as such, and nothing else was.
  expect(costs.body.coldRequests).toBe(coldSeen);
  expect(costs.body.driver).toBe('redis');
  for (const call of ['unseal', 'verify', 'storeGet'] as const) {
    expect(costs.body.library?.[call].samples).toBeGreaterThanOrEqual(100);
    expect(costs.body.library?.[call].medianMs).toBeGreaterThan(0);
  }

  expect((await api.post('/api/session/login', { data: { username: 'alice', password: 'wonderland' } })).status()).toBe(200);
  const me = await api.get('/api/session/me');
  expect(me.status()).toBe(200);
  expect(me.headers()['x-cold-start']).toBeUndefined();
  expect(me.headers()['x-store-commands']).toBe('1');
  expect((await costsOf(api)).body.coldRequests).toBe(coldSeen);
});

test('JWT /me with the denylist off sends Redis nothing beyond the fixed background polling', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  expect((await api.post('/api/jwt/login', { data: { username: 'bob', password: 'the-builder' } })).status()).toBe(200);
  const observer = createClient({ url: redis.url, RESP: 2 });
  await observer.connect();
  try {
    await observer.sendCommand(['CONFIG', 'RESETSTAT']);
    const started = Date.now();
    let reported = 0;
    for (let i = 0; i < 500; i += 1) {
      const me = await api.get('/api/jwt/me');
      expect(me.status()).toBe(200);
      reported += Number(me.headers()['x-store-commands']);
    }
    const elapsedSeconds = (Date.now() - started) / 1000;
    const info = (await observer.sendCommand(['INFO', 'commandstats'])) as string;
    const calls = Object.fromEntries(
      [...info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].filter((m) => !/^(info|config)\b/.test(m[1]!)).map((m) => [m[1]!, Number(m[2])]),
    );
    expect(reported).toBe(0);
    // The background: the event log read (a script, whose XRANGE Redis counts too) up to five
    // times a second, the settings and keys re-read every five seconds, and the instance roster's
    // heartbeat (one SET every five seconds, lib/settings/instance-roster.ts). A per-request write
    // (one XADD per verify, as before) would be hundreds of calls and other commands.
    expect(
      Object.keys(calls).every((name) => ['eval', 'xrange', 'get', 'set'].includes(name)),
      JSON.stringify(calls),
    ).toBe(true);
    const total = (calls.eval ?? 0) + (calls.get ?? 0) + (calls.set ?? 0);
    expect(total, `${total} commands in ${elapsedSeconds.toFixed(1)} s: ${JSON.stringify(calls)}`).toBeLessThanOrEqual(
      Math.ceil(elapsedSeconds * 6.2) + 5,
    );
  } finally {
    await observer.close();
  }
});

test('a server whose warm-up cannot run (store down at boot) labels its requests cold until traffic has warmed it', async ({
  playwright,
}) => {
  const closedPort = await findFreePort();
  const down = await startAppServer({ REDIS_URL: `redis://127.0.0.1:${closedPort}`, INSTANCE_ID: 'e2e-cold' });
  try {
    const api = await playwright.request.newContext({ baseURL: down.baseURL });
    let costs = await costsOf(api);
    expect(costs.cold).toBe(true);
    expect(costs.body).toMatchObject({ warmedAt: null, library: null });
    for (let i = 0; i < 60 && costs.cold; i += 1) costs = await costsOf(api);
    expect(costs.cold).toBe(false);
    expect(costs.body.warmedBy).toBe('traffic');
    expect(down.output()).toContain('warm-up did not finish');
  } finally {
    await down.stop();
  }
});
