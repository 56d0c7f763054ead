import { spawn } from 'node:child_process';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { startCluster, type RunningCluster } from '../scripts/cluster.mjs';
import { gotoReady } from './helpers';

/**
 * The app as it would be deployed: real nginx round-robin over two `next start` instances, one
 * real Redis, and the orders resource service behind the same balancer at /orders (see
 * scripts/cluster.mjs). A second cluster keeps each instance's state in its own memory, to show
 * what breaks when the store is not shared.
 */

const ALICE = { username: 'alice', password: 'wonderland' };
const BOB = { username: 'bob', password: 'the-builder' };
/** The orders service's key-cache window in the first cluster: short, so a retired key's end is observable. */
const ORDERS_CACHE_SECONDS = 3;

type Playwright = { request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> } };

/** The name=value pairs a response set, as a Cookie header to replay elsewhere (cleared cookies left out). */
function cookieHeaderOf(response: APIResponse): string {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'set-cookie')
    .map((header) => header.value.split(';')[0] ?? '')
    .filter((pair) => pair !== '' && !pair.endsWith('='))
    .join('; ');
}

async function expectRefusal(response: APIResponse, status: number, code: string): Promise<void> {
  expect(response.status(), await response.text()).toBe(status);
  expect((await response.json()).error).toBe(code);
}

async function issueBearerToken(request: APIRequestContext, credentials = BOB): Promise<string> {
  const issued = await request.post('/api/jwt/token', { data: credentials });
  expect(issued.status()).toBe(200);
  return ((await issued.json()) as { access_token: string }).access_token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test.describe('a cluster: nginx, two instances, one Redis, the orders service', () => {
  test.describe.configure({ mode: 'serial' });
  let cluster: RunningCluster;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // A Redis of its own even when REDIS_URL is set: a shared one would hold signing keys sealed with another run's secret.
    // The lab stays on here: one case's token, minted on one instance, is a credential the orders
    // service must refuse.
    cluster = await startCluster({ instances: 2, store: 'redis', redisUrl: null, ordersCacheSeconds: ORDERS_CACHE_SECONDS, lab: true });
  });

  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('requests through the balancer land on both instances, and both strategies work on either', async ({ playwright }) => {
    const browser = await (playwright as Playwright).request.newContext({ baseURL: cluster.origin });
    const servedBy = new Set<string>();
    const expectOk = async (response: APIResponse) => {
      expect(response.status(), await response.text()).toBe(200);
      servedBy.add(response.headers()['x-instance'] ?? 'none');
    };

    const login = await browser.post('/api/session/login', { data: ALICE });
    await expectOk(login);
    // PUBLIC_ORIGIN is a loopback origin, a secure context for the browser: the cookie keeps its
    // __Host- name and Secure behind nginx, as it has without a proxy.
    expect(login.headers()['set-cookie']).toMatch(/^__Host-session=[^;]+;.*Secure/);
    for (let i = 0; i < 4; i += 1) await expectOk(await browser.get('/api/session/me'));
    expect([...servedBy].sort()).toEqual(['app-1', 'app-2']);

    servedBy.clear();
    await expectOk(await browser.post('/api/jwt/login', { data: ALICE }));
    for (let i = 0; i < 4; i += 1) await expectOk(await browser.get('/api/jwt/me'));
    // The refresh token lives in Redis: whichever instance rotates it, the other accepts the new pair.
    await expectOk(await browser.post('/api/jwt/refresh'));
    for (let i = 0; i < 2; i += 1) await expectOk(await browser.get('/api/jwt/me'));
    await expectOk(await browser.post('/api/jwt/refresh'));
    expect([...servedBy].sort()).toEqual(['app-1', 'app-2']);
    await browser.dispose();
  });

  test('an admin revoke sent to app-1 ends the session at its next request on app-2 and through the balancer', async ({ playwright }) => {
    const [app1, app2] = cluster.instances as [RunningCluster['instances'][0], RunningCluster['instances'][0]];
    const onApp1 = await (playwright as Playwright).request.newContext({ baseURL: app1.url });
    const onApp2 = await (playwright as Playwright).request.newContext({ baseURL: app2.url });
    const balanced = await (playwright as Playwright).request.newContext({ baseURL: cluster.origin });

    const cookie = cookieHeaderOf(await onApp1.post('/api/session/login', { data: BOB }));
    const seenOnApp2 = await onApp2.get('/api/session/me', { headers: { cookie } });
    expect(seenOnApp2.status()).toBe(200);
    expect(seenOnApp2.headers()['x-instance']).toBe('app-2');

    expect((await onApp1.post('/api/admin/login', { data: { username: 'admin', password: cluster.adminPassword } })).status()).toBe(200);
    expect((await onApp1.post('/api/admin/revoke', { data: { username: 'bob' } })).status()).toBe(200);

    await expectRefusal(await onApp2.get('/api/session/me', { headers: { cookie } }), 401, 'session_invalid');
    for (let i = 0; i < 2; i += 1) expect((await balanced.get('/api/session/me', { headers: { cookie } })).status()).toBe(401);
    await Promise.all([onApp1.dispose(), onApp2.dispose(), balanced.dispose()]);
  });

  test('an access token verifies on either instance with the one shared key, and no store lookup', async ({ playwright }) => {
    const [app1, app2] = cluster.instances as [RunningCluster['instances'][0], RunningCluster['instances'][0]];
    const onApp1 = await (playwright as Playwright).request.newContext({ baseURL: app1.url });
    const onApp2 = await (playwright as Playwright).request.newContext({ baseURL: app2.url });
    const me = await onApp2.get('/api/jwt/me', { headers: bearer(await issueBearerToken(onApp1)) });
    expect(me.status()).toBe(200);
    expect(me.headers()['x-store-lookups']).toBe('0');
    const [jwks1, jwks2] = await Promise.all([
      (await onApp1.get('/.well-known/jwks.json')).json(),
      (await onApp2.get('/.well-known/jwks.json')).json(),
    ]);
    expect(jwks2).toEqual(jwks1);
    await Promise.all([onApp1.dispose(), onApp2.dispose()]);
  });

  test('a settings change on app-1 reaches app-2 within two seconds (no one watching), and says when', async ({ playwright }) => {
    const [app1, app2] = cluster.instances as [RunningCluster['instances'][0], RunningCluster['instances'][0]];
    const admin1 = await (playwright as Playwright).request.newContext({ baseURL: app1.url });
    const admin2 = await (playwright as Playwright).request.newContext({ baseURL: app2.url });
    for (const admin of [admin1, admin2])
      expect((await admin.post('/api/admin/login', { data: { username: 'admin', password: cluster.adminPassword } })).status()).toBe(200);
    const changed = await (await admin1.put('/api/admin/settings', { data: { accessTokenTtlSeconds: 42 } })).json();
    await expect
      .poll(async () => (await (await admin2.get('/api/admin/settings')).json()).version, { timeout: 2000, intervals: [50] })
      .toBe(changed.version);
    const seenOnApp2 = await (await admin2.get('/api/admin/settings')).json();
    expect(seenOnApp2.settings.accessTokenTtlSeconds).toBe(42);
    expect(seenOnApp2.instance.id).toBe('app-2');
    expect(seenOnApp2.instance.receivedAt).toBeGreaterThanOrEqual(changed.updatedAt);
    // New tokens from app-2 carry the new lifetime.
    expect((await (await admin2.post('/api/jwt/token', { data: BOB })).json()).expires_in).toBe(42);
    expect((await admin1.put('/api/admin/settings', { data: { accessTokenTtlSeconds: 900 } })).status()).toBe(200);
    await Promise.all([admin1.dispose(), admin2.dispose()]);
  });

  test('the admin event stream through nginx carries, as it happens, a login on the other instance', async ({ playwright }) => {
    const admin = await (playwright as Playwright).request.newContext({ baseURL: cluster.origin });
    const adminCookie = cookieHeaderOf(
      await admin.post('/api/admin/login', { data: { username: 'admin', password: cluster.adminPassword } }),
    );
    // Plain fetch reads the stream as it arrives (Playwright's request API waits for the whole body);
    // nginx must pass each event on at once (proxy_buffering off).
    const controller = new AbortController();
    const stream = await fetch(`${cluster.origin}/api/admin/events`, { headers: { cookie: adminCookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const streamedBy = stream.headers.get('x-instance');
    const other = cluster.instances.find((instance) => instance.id !== streamedBy)!;

    const onOther = await (playwright as Playwright).request.newContext({ baseURL: other.url });
    const loggedInAt = Date.now();
    expect((await onOther.post('/api/session/login', { data: BOB })).status()).toBe(200);

    const reader = stream.body!.getReader();
    let text = '';
    // The stream starts with recent history (earlier tests' logins among it): only this login counts.
    const loginFromOther = () =>
      text
        .split('\n\n')
        .filter((chunk) => chunk.includes('event: login'))
        .map(
          (chunk) =>
            JSON.parse(chunk.slice(chunk.indexOf('data: ') + 6)) as { at: number; instance: string; username: string; strategy: string },
        )
        .find((event) => event.instance === other.id && event.username === 'bob' && event.at >= loggedInAt - 50);
    const deadline = Date.now() + 3000;
    while (loginFromOther() === undefined && Date.now() < deadline) {
      const { value } = await Promise.race([
        reader.read(),
        new Promise<{ value: undefined }>((resolve) => setTimeout(() => resolve({ value: undefined }), 500)),
      ]);
      if (value) text += new TextDecoder().decode(value);
    }
    controller.abort();
    const loginEvent = loginFromOther();
    expect(loginEvent, text).toBeDefined();
    expect(loginEvent?.strategy).toBe('session');
    await Promise.all([admin.dispose(), onOther.dispose()]);
  });

  test('the dashboard loads through the balancer with no console error, signs in there, and a cross-site POST is still refused', async ({
    page,
  }) => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await gotoReady(page, `${cluster.origin}/`);
    await page.getByRole('button', { name: /Log in both as alice/ }).click();
    await expect(page.getByTestId('session-user')).toContainText('alice');
    await expect(page.getByTestId('jwt-user')).toContainText('alice');
    expect(consoleErrors).toEqual([]);

    // PUBLIC_ORIGIN is the balancer's origin, so the browser's own Origin passed; another one does not.
    const crossSite = await page.request.post(`${cluster.origin}/api/session/login`, {
      data: ALICE,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    await expectRefusal(crossSite, 403, 'cross_site_request');
  });

  test('the orders service behind the balancer takes the access token and nothing else', async ({ playwright }) => {
    const browser = await (playwright as Playwright).request.newContext({ baseURL: cluster.origin });
    expect((await browser.post('/api/jwt/login', { data: ALICE })).status()).toBe(200);
    const byCookie = await browser.get('/orders');
    expect(byCookie.status(), await byCookie.text()).toBe(200);
    expect(byCookie.headers()['x-instance']).toBe('orders');
    expect((await byCookie.json()).user.username).toBe('alice');

    const token = await issueBearerToken(browser);
    const byBearer = await browser.get('/orders', { headers: bearer(token) });
    expect(byBearer.status()).toBe(200);
    expect((await byBearer.json()).user.username).toBe('bob');

    const sessionOnly = await (playwright as Playwright).request.newContext({ baseURL: cluster.origin });
    expect((await sessionOnly.post('/api/session/login', { data: ALICE })).status()).toBe(200);
    await expectRefusal(await sessionOnly.get('/orders'), 401, 'session_cookie_not_accepted');

    // Bob's signature over a payload that now says admin: the signature no longer matches.
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    await expectRefusal(await browser.get('/orders', { headers: bearer(`${header}.${forgedPayload}.${signature}`) }), 401, 'invalid_token');

    // A well-formed token from the attack lab, signed by an instance's lab key: not a key in the JWKS.
    const lab = await browser.post(`${cluster.instances[0]!.url}/api/lab/kid-injection/token`, { data: { username: 'alice' } });
    expect(lab.status(), await lab.text()).toBe(200);
    const labToken = ((await lab.json()) as { token: string }).token;
    const labRefusal = await browser.get('/orders', { headers: bearer(labToken) });
    expect(labRefusal.status()).toBe(401);
    expect(['invalid_token', 'unknown_key']).toContain((await labRefusal.json()).error);
    await Promise.all([browser.dispose(), sessionOnly.dispose()]);
  });

  test('a retired key stops opening the orders service once its cache window has passed', async ({ playwright }) => {
    const admin = await (playwright as Playwright).request.newContext({ baseURL: cluster.origin });
    expect((await admin.post('/api/admin/login', { data: { username: 'admin', password: cluster.adminPassword } })).status()).toBe(200);
    const token = await issueBearerToken(admin);
    const oldKid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
    expect((await admin.post('/api/admin/keys/rotate')).status()).toBe(200);

    // Wait for a fresh JWKS fetch (the window of the one before it ran out): the window then starts now.
    const jwksFetches = async () => ((await (await admin.get('/orders/health')).json()) as { jwksFetches: number }).jwksFetches;
    const before = await jwksFetches();
    await expect
      .poll(
        async () => {
          expect((await admin.get('/orders', { headers: bearer(token) })).status()).toBe(200);
          return jwksFetches();
        },
        { timeout: (ORDERS_CACHE_SECONDS + 3) * 1000, intervals: [100] },
      )
      .toBeGreaterThan(before);
    const fetchedAt = Date.now();

    expect((await admin.post('/api/admin/keys/retire', { data: { kid: oldKid } })).status()).toBe(200);
    // The orders service still has the key cached...
    const insideWindow = await admin.get('/orders', { headers: bearer(token) });
    expect(insideWindow.status(), `${Date.now() - fetchedAt} ms after the fetch`).toBe(200);
    // ...while both instances drop it as soon as the retire event reaches them through Redis.
    for (const instance of cluster.instances) {
      await expect
        .poll(async () => (await admin.get(`${instance.url}/api/jwt/me`, { headers: bearer(token) })).status(), {
          timeout: 2000,
          intervals: [50],
        })
        .toBe(401);
    }

    await expect
      .poll(async () => (await admin.get('/orders', { headers: bearer(token) })).status(), {
        timeout: (ORDERS_CACHE_SECONDS + 3) * 1000,
        intervals: [100],
      })
      .toBe(401);
    expect(Date.now() - fetchedAt).toBeGreaterThanOrEqual(ORDERS_CACHE_SECONDS * 1000 - 200);
    await expectRefusal(await admin.get('/orders', { headers: bearer(token) }), 401, 'unknown_key');
    // A token from the new key opens it.
    expect((await admin.get('/orders', { headers: bearer(await issueBearerToken(admin)) })).status()).toBe(200);
    await admin.dispose();
  });

  test('the dashboard through the balancer: both instances on the timeline, and three lanes in the revocation race', async ({
    page,
  }, testInfo) => {
    test.setTimeout(60_000);
    // Short tokens and the denylist on: the JWT lane then dies at once like the session, and only
    // the orders service, which has no store, keeps accepting until the token runs out.
    const TOKEN_SECONDS = 8;
    const admin = page.request;
    expect(
      (await admin.post(`${cluster.origin}/api/admin/login`, { data: { username: 'admin', password: cluster.adminPassword } })).status(),
    ).toBe(200);
    expect(
      (
        await admin.put(`${cluster.origin}/api/admin/settings`, { data: { accessTokenTtlSeconds: TOKEN_SECONDS, denylist: true } })
      ).status(),
    ).toBe(200);
    try {
      // Presenter mode: the race first, whole at 1280x720 (the screenshots below are the ones the README shows).
      await gotoReady(page, `${cluster.origin}/?present=1&interval=500`);
      await page.getByRole('button', { name: /Log in both as alice/ }).click();
      await expect(page.getByTestId('jwt-user')).toContainText('alice');
      // Round-robin: each lane's marks come from both instances, and the orders lane from the service.
      for (const lane of ['session', 'jwt'])
        for (const instance of ['app-1', 'app-2'])
          await expect(page.getByTestId(`lane-${lane}`).locator(`g[data-instance="${instance}"]`).first()).toBeAttached();
      await expect(page.getByTestId('lane-orders').locator('g[data-instance="orders"]').first()).toBeAttached();
      await expect(page.getByTestId('verdict-orders')).toContainText('accepted');
      const instances = page.getByTestId('instances-panel');
      for (const instance of ['app-1', 'app-2']) await expect(instances.locator(`tr[data-instance="${instance}"]`)).toHaveCount(1);

      await page.getByRole('button', { name: /^Revoke / }).click();
      // Each at its next request: within about one poll interval (500 ms), whichever instance it reached.
      for (const lane of ['session', 'jwt']) {
        const took = page.getByTestId(`time-to-rejection-${lane}`);
        await expect(took).toBeVisible({ timeout: 5000 });
        expect(Number.parseFloat((await took.textContent()) ?? ''), `${lane} refused after ${await took.textContent()}`).toBeLessThan(1.5);
      }
      // Both app lanes are refused, yet the orders service still accepts the revoked user's token.
      await expect(page.getByTestId('verdict-orders')).toContainText('still accepted');
      await page.screenshot({ path: testInfo.outputPath('cluster-three-lanes-still-accepted-1280x720.png') });
      // ...until the token expires: then the service refuses it too, for that reason and no other.
      await expect(page.getByTestId('time-to-rejection-orders')).toBeVisible({ timeout: (TOKEN_SECONDS + 5) * 1000 });
      await expect(page.getByTestId('verdict-orders')).toContainText(/token_expired|missing_token/);
      await expect(page.getByTestId('race-lesson-orders')).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('cluster-three-lanes-1280x720.png') });
    } finally {
      await admin.put(`${cluster.origin}/api/admin/settings`, { data: { accessTokenTtlSeconds: 900, denylist: false } });
    }
  });
});

test.describe('a cluster whose instances keep state in their own memory', () => {
  let cluster: RunningCluster;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    cluster = await startCluster({ instances: 2, store: 'memory', withOrders: false });
  });

  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('a session made on app-1 is unknown on app-2, while app-1’s access token verifies there', async ({ playwright }) => {
    const [app1, app2] = cluster.instances as [RunningCluster['instances'][0], RunningCluster['instances'][0]];
    const onApp1 = await (playwright as Playwright).request.newContext({ baseURL: app1.url });
    const onApp2 = await (playwright as Playwright).request.newContext({ baseURL: app2.url });

    const cookie = cookieHeaderOf(await onApp1.post('/api/session/login', { data: ALICE }));
    expect((await onApp1.get('/api/session/me', { headers: { cookie } })).status()).toBe(200);
    // The cookie unseals fine on app-2 (same SESSION_PASSWORD), but the record it names is in app-1's memory.
    await expectRefusal(await onApp2.get('/api/session/me', { headers: { cookie } }), 401, 'session_invalid');

    const token = await issueBearerToken(onApp1);
    const me = await onApp2.get('/api/jwt/me', { headers: bearer(token) });
    expect(me.status(), await me.text()).toBe(200);
    expect(me.headers()['x-instance']).toBe('app-2');
    expect((await me.json()).user.username).toBe('bob');
    await Promise.all([onApp1.dispose(), onApp2.dispose()]);
  });

  test('the dashboard through the balancer labels the lesson once answers come from both instances', async ({ page }) => {
    await gotoReady(page, `${cluster.origin}/?interval=500`);
    await page.getByRole('button', { name: /Log in both as alice/ }).click();
    // The access token verifies on both instances; round-robin sends the session's first poll to
    // the instance that never saw the login, which refuses it and signs the lane out.
    await expect(page.getByTestId('lane-jwt').locator('g[data-instance="app-1"]').first()).toBeAttached();
    await expect(page.getByTestId('lane-jwt').locator('g[data-instance="app-2"]').first()).toBeAttached();
    const lesson = page.getByTestId('memory-cluster-lesson');
    await expect(lesson).toBeVisible();
    await expect(lesson).toContainText(/memory/i);
    // Refused either at the poll itself (session_invalid) or, when the page's own inspect call
    // reached that instance first and the cookie was cleared there, as no session at all.
    await expect(page.getByTestId('lane-session')).toContainText(/session_invalid|unauthenticated/);
  });
});

test('npm run start:cluster stops everything it started on Ctrl-C', async () => {
  test.setTimeout(90_000);
  const launcher = spawn(process.execPath, ['scripts/start-cluster.mjs', '--instances', '1', '--store', 'memory'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ADMIN_PASSWORD: 'launcher-test-password' },
  });
  let printed = '';
  launcher.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  launcher.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  await expect.poll(() => printed, { timeout: 60_000 }).toContain('Ctrl-C stops everything');
  const origin = /open this\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
  const processGroup = Number(/process group (\d+)/.exec(printed)?.[1]);
  const orders = /directly at (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
  expect(origin, printed).toBeDefined();
  expect(orders, printed).toBeDefined();
  expect((await fetch(`${origin}/api/health`)).status).toBe(200);

  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  launcher.kill('SIGINT');
  expect(await exited).toBe(0);
  // The balancer, the instance (its whole process group) and the orders service are gone.
  for (const url of [origin!, orders!]) await expect(fetch(`${url}/`)).rejects.toThrow();
  expect(() => process.kill(-processGroup, 0)).toThrow();
});
