import { expect, test } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { startRedisServer, type RunningRedis } from '../test-utils/redis-server';
import { gotoReady } from './helpers';
import { DEMO_ADMIN } from '@/lib/users/demo-credentials';

/**
 * The article's internal admin dashboard: session cookies on Redis, several people signed in, one
 * button that logs them all out. Its own server on its own redis-server, with three ordinary users,
 * so nothing here touches the shared e2e server's state.
 */
const PEOPLE = [
  { username: 'alice', password: 'wonderland' },
  { username: 'bob', password: 'the-builder' },
  { username: 'carol', password: 'carol-in-accounts' },
];

let redis: RunningRedis;
let server: RunningAppServer;

test.describe('on Redis', () => {
  test.beforeAll(async () => {
    redis = await startRedisServer();
    server = await startAppServer({
      REDIS_URL: redis.url,
      INSTANCE_ID: 'scenario-admin-dashboard',
      DEMO_USERS: JSON.stringify([
        ...PEOPLE.map((person) => ({ ...person, role: 'user' })),
        { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password, role: 'admin' },
      ]),
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  test('“log everyone out now” ends three sessions in three browsers at their very next request', async ({ browser }) => {
    const people = await Promise.all(
      PEOPLE.map(async (person) => {
        const context = await browser.newContext({ baseURL: server.baseURL });
        return { ...person, context, page: await context.newPage() };
      }),
    );
    for (const person of people) {
      const login = await person.page.request.post('/api/session/login', {
        data: { username: person.username, password: person.password },
      });
      expect(login.status()).toBe(200);
      expect((await person.page.request.get('/api/session/me')).status()).toBe(200);
    }

    const adminContext = await browser.newContext({ baseURL: server.baseURL });
    const admin = await adminContext.newPage();
    await gotoReady(admin, '/scenarios/admin-dashboard');
    await expect(admin.getByTestId('store-notice')).toHaveAttribute('data-driver', 'redis');
    await expect(admin.getByTestId('store-notice')).toContainText('keeps its sessions in Redis');
    await admin.getByRole('button', { name: 'Log in as administrator' }).click();
    const rows = admin.getByTestId('session-row');
    await expect(rows).toHaveCount(3);
    for (const person of PEOPLE)
      await expect(admin.locator(`[data-testid="session-row"][data-user="${person.username}"]`)).toHaveAttribute('data-state', 'live');

    await admin.getByRole('button', { name: 'Log everyone out now' }).click();
    await expect(admin.getByTestId('log-out-result')).toContainText('3 users (alice, bob, carol), 3 sessions deleted');

    // No waiting: the very next request of each browser finds no session.
    for (const person of people) {
      const me = await person.page.request.get('/api/session/me');
      expect(me.status(), `${person.username}'s next request`).toBe(401);
      expect((await me.json()).error).toBe('session_invalid');
    }
    for (const person of PEOPLE)
      await expect(admin.locator(`[data-testid="session-row"][data-user="${person.username}"]`)).toHaveAttribute('data-state', 'revoked');
    await expect(admin.getByTestId('live-session-count')).toHaveText('0');
    await expect(admin.getByTestId('refused-since')).toHaveText('3');
    // The administrator who pressed the button is still signed in.
    expect((await admin.request.get('/api/admin/me')).status()).toBe(200);

    await Promise.all([...people.map((person) => person.context.close()), adminContext.close()]);
  });
});

test('on the memory store the page says plainly that it is not Redis', async ({ page }) => {
  await gotoReady(page, '/scenarios/admin-dashboard');
  await expect(page.getByTestId('store-notice')).toHaveAttribute('data-driver', 'memory');
  await expect(page.getByTestId('store-notice')).toContainText('not the Redis the scenario describes');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'scenarios' })).toHaveAttribute(
    'href',
    '/scenarios',
  );
});
