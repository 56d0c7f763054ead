/**
 * What the store really sees, on a real redis-server: `INFO commandstats` around 1,000 requests to
 * each /me route, through the real route modules, on the Redis driver and on the Upstash driver
 * (through the local REST endpoint in front of the same redis-server). The app runs without timers
 * here, so there is no background polling to subtract: every command counted is one a request
 * caused. `X-Store-Commands` must say the same as Redis.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerApp } from '@/lib/server/app';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { createUpstashStore } from '@/lib/store/upstash-store';
import { hashPassword } from '@/lib/users/password';
import { startRedisServer, type RunningRedis } from '@/test-utils/redis-server';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';
import { startUpstashRestProxy, type UpstashRestProxy } from '@/test-utils/upstash-rest-proxy';
import { POST as jwtLogin } from './jwt/login/route';
import { GET as jwtMe } from './jwt/me/route';
import { POST as sessionLogin } from './session/login/route';
import { GET as sessionMe } from './session/me/route';

const ORIGIN = 'http://127.0.0.1:3000';
const REQUESTS = 1000;
const PASSWORD = 'correct-horse-battery';
/** The commands this test's own client sends to read the counters. */
const OBSERVER_COMMAND = /^(info|config)\b/;

let redis: RunningRedis;
let proxy: UpstashRestProxy;
let observer: ReturnType<typeof createClient>;

beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await startUpstashRestProxy({ redisUrl: redis.url });
  observer = createClient({ url: redis.url, RESP: 2 });
  await observer.connect();
});

afterAll(async () => {
  await observer?.close();
  await proxy?.close();
  await redis?.stop();
});

async function resetCommandStats(): Promise<void> {
  await observer.sendCommand(['CONFIG', 'RESETSTAT']);
}

/** Calls per command since the last reset, the observer's own left out: `{ get: 1000 }`. */
async function commandStats(): Promise<Record<string, number>> {
  const info = (await observer.sendCommand(['INFO', 'commandstats'])) as string;
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const name = match[1]!.toLowerCase();
    if (!OBSERVER_COMMAND.test(name)) calls[name] = Number(match[2]);
  }
  return calls;
}

function get(handler: (request: Request) => Promise<Response>, cookie: string): Promise<Response> {
  return handler(new Request(`${ORIGIN}/api/me`, { headers: { host: '127.0.0.1:3000', cookie } }));
}

/** Logs in and returns the cookies it set, as a Cookie header. */
async function login(handler: (request: Request) => Promise<Response>, path: string): Promise<string> {
  const response = await handler(
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: PASSWORD }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .join('; ');
}

/**
 * Sends `count` requests one after another (every one must succeed), then writes the instance's
 * pending event batch, as its timer would: what the requests published is counted too. Returns
 * the summed X-Store-Commands.
 */
async function hammer(app: ServerApp, handler: (request: Request) => Promise<Response>, cookie: string, count: number): Promise<number> {
  let reported = 0;
  for (let i = 0; i < count; i += 1) {
    const response = await get(handler, cookie);
    expect(response.status).toBe(200);
    reported += Number(response.headers.get('x-store-commands'));
  }
  await app.events.flush();
  return reported;
}

describe.each([
  ['redis', () => createRedisStore({ url: redis.url })],
  ['upstash', () => createUpstashStore({ url: proxy.url, token: proxy.token })],
] as const)('store commands per request on the %s driver, counted by Redis itself', (_driver, createStore) => {
  const clock = { now: Date.parse('2026-11-28T12:00:00Z') };
  let app: ServerApp;
  let store: Store;
  let sessionCookie: string;
  let jwtCookie: string;

  beforeAll(async () => {
    await observer.sendCommand(['FLUSHALL']);
    store = createStore();
    const passwordHash = await hashPassword(PASSWORD, { logN: 10, blockSize: 8, parallelization: 1 });
    app = createTestApp({
      store,
      now: () => clock.now,
      env: { DEMO_USERS: JSON.stringify([{ username: 'alice', role: 'user', passwordHash }]) },
    });
    serveRoutesFrom(app);
    await app.keys.get(app.store);
    sessionCookie = await login(sessionLogin, '/api/session/login');
    jwtCookie = await login(jwtLogin, '/api/jwt/login');
    // The logins' own events (state changes: they do go to the shared log) are written now.
    await app.events.flush();
  });

  afterAll(async () => {
    await store.close();
  });

  it(`JWT /me with the denylist off: ${REQUESTS} requests, not one store command`, async () => {
    await resetCommandStats();
    const reported = await hammer(app, jwtMe, jwtCookie, REQUESTS);
    expect(await commandStats()).toEqual({});
    expect(reported).toBe(0);
  });

  it(`session /me: exactly one GET per request, and one sliding write once a minute has passed`, async () => {
    await resetCommandStats();
    expect(await hammer(app, sessionMe, sessionCookie, REQUESTS)).toBe(REQUESTS);
    expect(await commandStats()).toEqual({ get: REQUESTS });

    // A minute later the first request slides the idle window (one conditional SET); the rest do not.
    clock.now += 61_000;
    await resetCommandStats();
    expect(await hammer(app, sessionMe, sessionCookie, REQUESTS)).toBe(REQUESTS + 1);
    expect(await commandStats()).toEqual({ get: REQUESTS, set: 1 });
  });

  it(`JWT /me with the denylist on: exactly one read (MGET) per request`, async () => {
    await app.settings.update({ denylist: true }, clock.now);
    await resetCommandStats();
    expect(await hammer(app, jwtMe, jwtCookie, REQUESTS)).toBe(REQUESTS);
    expect(await commandStats()).toEqual({ mget: REQUESTS });
  });
});
