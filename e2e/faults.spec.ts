import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { createClient } from 'redis';
import { hashPassword } from '@/lib/users/password';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { startRedisServer, type RunningRedis } from '../test-utils/redis-server';
import { snapshotStore, type StoreSnapshot } from '../test-utils/redis-snapshot';
import { startUpstashRestProxy, type UpstashRestProxy } from '../test-utils/upstash-rest-proxy';

/**
 * Faults on a real redis-server that the test kills (SIGKILL, as a crash would) and restarts on
 * the same port with the same append-only file, against one production app instance that is never
 * restarted. Bounds are generous (this machine is shared); the measured figures are printed.
 */
const OUTAGE_BOUND_MS = 3000;
/** The client backs off at most 2 s between reconnect attempts; twice that plus slack. */
const RECOVERY_BOUND_MS = 6000;

const PASSWORD = 'fault-line-password';
const alice = { username: 'alice', password: PASSWORD };
const bob = { username: 'bob', password: PASSWORD };
const admin = { username: 'ops', password: PASSWORD };

let dataDir: string;
let redis: RunningRedis;
let app: RunningAppServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'svj-faults-'));
  redis = await startRedisServer({ appendOnlyDir: dataDir });
  // A cheap hash (N=2^10) keeps logins fast and their timing predictable; DEMO_USERS also keeps
  // the test independent of how production treats the public demo accounts.
  const passwordHash = await hashPassword(PASSWORD, { logN: 10, blockSize: 8, parallelization: 1 });
  const users = [
    { username: alice.username, role: 'user', passwordHash },
    { username: bob.username, role: 'user', passwordHash },
    { username: admin.username, role: 'admin', passwordHash },
  ];
  app = await startAppServer({ REDIS_URL: redis.url, INSTANCE_ID: 'e2e-faults', DEMO_USERS: JSON.stringify(users) });
});

test.afterAll(async () => {
  await app?.stop();
  await redis?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Redis back on the same port with the same append-only file: a restart, not a fresh server. */
async function restartRedis(): Promise<number> {
  redis = await startRedisServer({ port: redis.port, appendOnlyDir: dataDir });
  return Date.now();
}

async function timed(call: () => Promise<APIResponse>): Promise<{ response: APIResponse; ms: number }> {
  const started = performance.now();
  const response = await call();
  return { response, ms: Math.round(performance.now() - started) };
}

async function expectStoreUnavailable(response: APIResponse): Promise<void> {
  expect(response.status()).toBe(503);
  expect(await response.json()).toMatchObject({ error: 'store_unavailable' });
  expect(response.headers()['set-cookie']).toBeUndefined();
}

/** Polls until `path` answers 200 again; returns how long that took after `since`. */
async function waitForRecovery(api: APIRequestContext, path: string, since: number): Promise<number> {
  for (;;) {
    if ((await api.get(path)).status() === 200) return Date.now() - since;
    if (Date.now() - since > RECOVERY_BOUND_MS * 2) throw new Error(`${path} did not recover`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function newApi(playwright: { request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> } }) {
  return playwright.request.newContext({ baseURL: app.baseURL });
}

async function changeSettings(api: APIRequestContext, settings: Record<string, unknown>): Promise<void> {
  const response = await api.put('/api/admin/settings', { data: settings });
  expect(response.status()).toBe(200);
}

/** What a store operation left behind: keys that appeared or changed, ignoring the event log (it records the failure). */
function changedKeys(before: StoreSnapshot, after: StoreSnapshot): string[] {
  return Object.keys(after)
    .filter((key) => key !== 'events:log')
    .filter((key) => JSON.stringify(before[key]?.value) !== JSON.stringify(after[key]?.value))
    .sort();
}

/** Set members that name a key that does not exist: what an interrupted index-then-record write leaves. */
function danglingIndexMembers(dump: StoreSnapshot): string[] {
  return Object.entries(dump).flatMap(([key, { type, value }]) =>
    type === 'set' && Array.isArray(value)
      ? value.filter((member) => dump[member] === undefined).map((member) => `${key} -> ${member}`)
      : [],
  );
}

/**
 * Starts `request` and kills Redis as soon as the request has written its first key, so the kill
 * lands between two of its store calls (store latency is raised first, so the calls are spaced
 * out). Returns the response.
 */
async function killMidWrite(request: () => Promise<APIResponse>): Promise<APIResponse> {
  const watcher = createClient({ url: redis.url, RESP: 2 });
  await watcher.connect();
  const startingSize = await watcher.dbSize();
  const pending = request();
  const deadline = Date.now() + 5000;
  while ((await watcher.dbSize()) === startingSize && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  watcher.destroy();
  await redis.kill();
  return pending;
}

test('session routes answer 503 store_unavailable within the bound while Redis is down, and recover without an app restart', async ({
  playwright,
}) => {
  const api = await newApi(playwright);
  expect((await api.post('/api/session/login', { data: alice })).status()).toBe(200);
  expect((await api.get('/api/session/me')).status()).toBe(200);

  await redis.kill();
  const me = await timed(() => api.get('/api/session/me'));
  const login = await timed(() => api.post('/api/session/login', { data: bob }));
  const logout = await timed(() => api.post('/api/session/logout'));
  for (const { response } of [me, login, logout]) await expectStoreUnavailable(response);
  const slowest = Math.max(me.ms, login.ms, logout.ms);
  console.log(`[faults] Redis down: session me ${me.ms} ms, login ${login.ms} ms, logout ${logout.ms} ms (bound ${OUTAGE_BOUND_MS} ms)`);
  expect(slowest).toBeLessThan(OUTAGE_BOUND_MS);

  // Same app instance, no manual step: the client reconnects on its own.
  const restartedAt = await restartRedis();
  const recoveryMs = await waitForRecovery(api, '/api/session/me', restartedAt);
  console.log(
    `[faults] Redis back: the same app served the session again ${recoveryMs} ms after the restart (bound ${RECOVERY_BOUND_MS} ms)`,
  );
  expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);
  expect(((await (await api.get('/api/session/me')).json()) as { user: { username: string } }).user.username).toBe('alice');
  await api.dispose();
});

test('JWT /me keeps answering 200 for a valid token while Redis is down with the denylist off, and fails closed with 503 with it on', async ({
  playwright,
}) => {
  const user = await newApi(playwright);
  const ops = await newApi(playwright);
  expect((await user.post('/api/jwt/login', { data: bob })).status()).toBe(200);
  expect((await ops.post('/api/admin/login', { data: admin })).status()).toBe(200);

  await redis.kill();
  for (let attempt = 0; attempt < 5; attempt++) {
    const me = await user.get('/api/jwt/me');
    expect(me.status()).toBe(200);
    expect(me.headers()['x-store-lookups']).toBe('0');
  }

  await waitForRecovery(ops, '/api/admin/me', await restartRedis());
  await changeSettings(ops, { denylist: true });
  expect((await user.get('/api/jwt/me')).status()).toBe(200);
  await redis.kill();
  const me = await timed(() => user.get('/api/jwt/me'));
  await expectStoreUnavailable(me.response);
  console.log(`[faults] Redis down, denylist on: jwt me answered 503 in ${me.ms} ms (bound ${OUTAGE_BOUND_MS} ms)`);
  expect(me.ms).toBeLessThan(OUTAGE_BOUND_MS);

  const restartedAt = await restartRedis();
  const recoveryMs = await waitForRecovery(user, '/api/jwt/me', restartedAt);
  console.log(`[faults] Redis back: jwt me with the denylist on answered 200 again after ${recoveryMs} ms`);
  expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);
  await changeSettings(ops, { denylist: false });
  await Promise.all([user.dispose(), ops.dispose()]);
});

test('a login or refresh cut off by a Redis crash between two writes leaves no usable credential, and nothing that outlives its bound', async ({
  playwright,
}) => {
  const ops = await newApi(playwright);
  const holder = await newApi(playwright);
  const victim = await newApi(playwright);
  expect((await ops.post('/api/admin/login', { data: admin })).status()).toBe(200);
  expect((await holder.post('/api/jwt/login', { data: alice })).status()).toBe(200);
  // Spaces the store calls of one request 400 ms apart, so the kill lands between two of them.
  await changeSettings(ops, { storeLatencyMs: 400 });

  // A session login: killed after its first write.
  let before = await snapshotStore(redis.url);
  const login = await killMidWrite(() => victim.post('/api/session/login', { data: bob }));
  await expectStoreUnavailable(login);
  await restartRedis();
  let after = await snapshotStore(redis.url);
  const loginLeftovers = changedKeys(before, after);
  console.log(`[faults] login cut off mid-write left: ${JSON.stringify(loginLeftovers)}`);
  console.log(`[faults] dangling index members after it: ${JSON.stringify(danglingIndexMembers(after))}`);
  // No session record: nothing anybody could present. Whatever else is left expires on its own.
  expect(loginLeftovers.filter((key) => key.startsWith('session:'))).toEqual([]);
  for (const key of loginLeftovers) expect(after[key]!.pttl, `${key} must expire`).toBeGreaterThan(0);
  expect((await victim.get('/api/session/me')).status()).toBe(401);

  // A refresh: killed after its first write (the rotation claim).
  await waitForRecovery(ops, '/api/admin/me', Date.now());
  before = await snapshotStore(redis.url);
  const refresh = await killMidWrite(() => holder.post('/api/jwt/refresh'));
  await expectStoreUnavailable(refresh);
  await restartRedis();
  after = await snapshotStore(redis.url);
  const refreshLeftovers = changedKeys(before, after);
  console.log(`[faults] refresh cut off mid-write left: ${JSON.stringify(refreshLeftovers)}`);
  // The family record was not rewritten: no successor exists, and the presented token is still the live one.
  expect(refreshLeftovers.filter((key) => key.startsWith('refresh_family:'))).toEqual([]);
  for (const key of refreshLeftovers) expect(after[key]!.pttl, `${key} must expire`).toBeGreaterThan(0);

  await waitForRecovery(ops, '/api/admin/me', Date.now());
  await changeSettings(ops, { storeLatencyMs: 0 });
  // Inside the grace window the claim left by the interrupted rotation answers 409: retry later. Once
  // it expires the same token rotates normally: an outage is neither a second chain nor "theft".
  const retry = await holder.post('/api/jwt/refresh');
  console.log(`[faults] presenting the interrupted refresh token again: ${retry.status()} ${JSON.stringify(await retry.json())}`);
  expect(retry.status()).toBe(409);
  expect((await retry.json()).error).toBe('refresh_in_progress');
  await Promise.all([ops.dispose(), holder.dispose(), victim.dispose()]);
});

test('with AOF on, sessions and refresh families survive kill -9 and a restart of Redis', async ({ playwright }) => {
  const api = await newApi(playwright);
  await waitForRecovery(api, '/api/health', Date.now());
  expect((await api.post('/api/session/login', { data: bob })).status()).toBe(200);
  expect((await api.post('/api/jwt/login', { data: bob })).status()).toBe(200);

  await redis.kill();
  await waitForRecovery(api, '/api/health', await restartRedis());

  const me = await api.get('/api/session/me');
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { user: { username: string } }).user.username).toBe('bob');
  // The refresh family came back too: its token rotates, and the new access token verifies.
  const refresh = await api.post('/api/jwt/refresh');
  expect(refresh.status()).toBe(200);
  expect((await api.get('/api/jwt/me')).status()).toBe(200);
  await api.dispose();
});

test('on Upstash, session routes answer 503 within the bound when Redis behind the REST endpoint dies', async ({ playwright }) => {
  const backing = await startRedisServer();
  let proxy: UpstashRestProxy | undefined;
  let upstashApp: RunningAppServer | undefined;
  try {
    proxy = await startUpstashRestProxy({ redisUrl: backing.url });
    const passwordHash = await hashPassword(PASSWORD, { logN: 10, blockSize: 8, parallelization: 1 });
    upstashApp = await startAppServer({
      UPSTASH_REDIS_REST_URL: proxy.url,
      UPSTASH_REDIS_REST_TOKEN: proxy.token,
      INSTANCE_ID: 'e2e-faults-upstash',
      DEMO_USERS: JSON.stringify([{ username: alice.username, role: 'user', passwordHash }]),
    });
    const api = await playwright.request.newContext({ baseURL: upstashApp.baseURL });
    expect((await api.post('/api/session/login', { data: alice })).status()).toBe(200);
    expect((await api.get('/api/session/me')).status()).toBe(200);

    await backing.kill();
    const me = await timed(() => api.get('/api/session/me'));
    await expectStoreUnavailable(me.response);
    console.log(`[faults] Upstash, Redis down: session me answered 503 in ${me.ms} ms (bound ${OUTAGE_BOUND_MS} ms)`);
    expect(me.ms).toBeLessThan(OUTAGE_BOUND_MS);
    await api.dispose();
  } finally {
    await upstashApp?.stop();
    await proxy?.close();
    await backing.stop();
  }
});
