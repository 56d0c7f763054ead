import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { startRedisServer, type RunningRedis } from '../test-utils/redis-server';

/**
 * Two app instances on one real Redis, as in a deployment behind a load balancer: nothing either
 * instance needs lives only in its own process.
 */
let redis: RunningRedis;
let a: RunningAppServer;
let b: RunningAppServer;

test.beforeAll(async () => {
  redis = await startRedisServer();
  // Instances must share the session password (it seals cookies); signing keys come from the store.
  const shared = {
    REDIS_URL: redis.url,
    SESSION_PASSWORD: randomBytes(32).toString('base64url'),
    SIGNING_KEY_SECRET: randomBytes(32).toString('base64url'),
  };
  [a, b] = await Promise.all([
    startAppServer({ ...shared, INSTANCE_ID: 'instance-a' }),
    startAppServer({ ...shared, INSTANCE_ID: 'instance-b' }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

async function client(
  playwright: { request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> } },
  baseURL: string,
): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL });
}

/** The cookies one instance set, replayed against the other (same host and path rules). */
function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair !== '' && !pair.endsWith('='))
    .join('; ');
}

test('a session made on one instance works on the other, and a revoke on one ends it on the other', async ({ playwright }) => {
  const onA = await client(playwright, a.baseURL);
  const login = await onA.post('/api/session/login', { data: { username: 'alice', password: 'wonderland' } });
  expect(login.status()).toBe(200);
  const cookie = cookieHeader(
    login
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'set-cookie')
      .map((h) => h.value),
  );
  const onB = await client(playwright, b.baseURL);
  expect((await onB.get('/api/session/me', { headers: { cookie } })).status()).toBe(200);

  const admin = await client(playwright, a.baseURL);
  expect((await admin.post('/api/admin/login', { data: { username: 'admin', password: 'control-room' } })).status()).toBe(200);
  expect((await admin.post('/api/admin/revoke', { data: { username: 'alice' } })).status()).toBe(200);
  const afterRevoke = await onB.get('/api/session/me', { headers: { cookie } });
  expect(afterRevoke.status()).toBe(401);
  await Promise.all([onA.dispose(), onB.dispose(), admin.dispose()]);
});

test('an access token issued by one instance verifies on the other with the shared key', async ({ playwright }) => {
  const onA = await client(playwright, a.baseURL);
  const issued = await (await onA.post('/api/jwt/token', { data: { username: 'bob', password: 'the-builder' } })).json();
  const onB = await client(playwright, b.baseURL);
  const me = await onB.get('/api/jwt/me', { headers: { authorization: `Bearer ${issued.access_token}` } });
  expect(me.status()).toBe(200);
  expect(me.headers()['x-store-lookups']).toBe('0');
  const [jwksA, jwksB] = await Promise.all([
    (await onA.get('/.well-known/jwks.json')).json(),
    (await onB.get('/.well-known/jwks.json')).json(),
  ]);
  expect(jwksB).toEqual(jwksA);
  await Promise.all([onA.dispose(), onB.dispose()]);
});

test('a settings change on one instance reaches the other within two seconds (no one watching), and says when', async ({ playwright }) => {
  const adminA = await client(playwright, a.baseURL);
  const adminB = await client(playwright, b.baseURL);
  for (const admin of [adminA, adminB])
    expect((await admin.post('/api/admin/login', { data: { username: 'admin', password: 'control-room' } })).status()).toBe(200);
  const changed = await (await adminA.put('/api/admin/settings', { data: { accessTokenTtlSeconds: 42 } })).json();
  const started = Date.now();
  await expect
    .poll(async () => (await (await adminB.get('/api/admin/settings')).json()).version, { timeout: 2000, intervals: [50] })
    .toBe(changed.version);
  const seenOnB = await (await adminB.get('/api/admin/settings')).json();
  expect(seenOnB.settings.accessTokenTtlSeconds).toBe(42);
  expect(seenOnB.instance.id).toBe('instance-b');
  expect(seenOnB.instance.receivedAt).toBeGreaterThanOrEqual(changed.updatedAt);
  // New tokens from B now carry the new lifetime.
  const onB = await client(playwright, b.baseURL);
  const issued = await (await onB.post('/api/jwt/token', { data: { username: 'bob', password: 'the-builder' } })).json();
  expect(issued.expires_in).toBe(42);
  test.info().annotations.push({ type: 'settings propagation', description: `reached instance-b within ${Date.now() - started} ms` });
  await adminA.put('/api/admin/settings', { data: { accessTokenTtlSeconds: 900 } });
  await Promise.all([adminA.dispose(), adminB.dispose(), onB.dispose()]);
});

test('the admin event stream on one instance carries what the other instance did', async ({ playwright }) => {
  const adminB = await client(playwright, b.baseURL);
  const login = await adminB.post('/api/admin/login', { data: { username: 'admin', password: 'control-room' } });
  const adminCookie = cookieHeader(
    login
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'set-cookie')
      .map((h) => h.value),
  );
  // Read the SSE stream with plain fetch: Playwright's request API waits for the whole body.
  const controller = new AbortController();
  const stream = await fetch(`${b.baseURL}/api/admin/events`, { headers: { cookie: adminCookie }, signal: controller.signal });
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toContain('text/event-stream');
  const reader = stream.body!.getReader();

  const onA = await client(playwright, a.baseURL);
  expect((await onA.post('/api/session/login', { data: { username: 'bob', password: 'the-builder' } })).status()).toBe(200);

  let text = '';
  const loginFromA = () =>
    text
      .split('\n\n')
      .find((chunk) => chunk.includes('event: login') && chunk.includes('"instance":"instance-a"') && chunk.includes('"username":"bob"'));
  const deadline = Date.now() + 3000;
  while (loginFromA() === undefined && Date.now() < deadline) {
    const { value, done } = await Promise.race([
      reader.read(),
      new Promise<{ value: undefined; done: true }>((resolve) => setTimeout(() => resolve({ value: undefined, done: true }), 500)),
    ]);
    if (value) text += new TextDecoder().decode(value);
    if (done && Date.now() >= deadline) break;
  }
  controller.abort();
  const loginEvent = loginFromA();
  expect(loginEvent, text).toBeDefined();
  expect(loginEvent).toContain('"strategy":"session"');
  await Promise.all([adminB.dispose(), onA.dispose()]);
});
