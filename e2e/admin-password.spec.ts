import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEFAULT_DEMO_USER, DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';

// Two production servers of their own: one with no admin password configured, one with a password
// generated for this run (never committed).
const generatedAdminPassword = randomBytes(18).toString('base64url');
let withoutAdminPassword: RunningAppServer;
let withAdminPassword: RunningAppServer;

test.beforeAll(async () => {
  [withoutAdminPassword, withAdminPassword] = await Promise.all([
    startAppServer({ ADMIN_PASSWORD: '', INSTANCE_ID: 'e2e-no-admin' }),
    startAppServer({ ADMIN_PASSWORD: generatedAdminPassword, INSTANCE_ID: 'e2e-admin-password' }),
  ]);
});

test.afterAll(async () => {
  await withoutAdminPassword?.stop();
  await withAdminPassword?.stop();
});

const publicAdmin = { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password };
const publicUser = { username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password };

test('in production without ADMIN_PASSWORD the public demo admin cannot sign in; the demo users still can, and the startup message says so', async ({
  playwright,
}) => {
  const api = await playwright.request.newContext({ baseURL: withoutAdminPassword.baseURL });
  for (const path of ['/api/admin/login', '/api/session/login', '/api/jwt/login', '/api/jwt/token']) {
    const refused = await api.post(path, { data: publicAdmin });
    expect(refused.status(), path).toBe(401);
    expect(await refused.json(), path).toMatchObject({ error: 'invalid_credentials' });
    expect(refused.headers()['set-cookie'], path).toBeUndefined();
  }
  expect((await api.post('/api/session/login', { data: publicUser })).status()).toBe(200);
  expect(withoutAdminPassword.output()).toContain(
    'Public demo accounts open: alice, bob. Admin: disabled until ADMIN_PASSWORD (at least 12 characters) or DEMO_USERS is set.',
  );
  await api.dispose();
});

test('with ADMIN_PASSWORD the admin signs in with that password only, and the startup message never prints it', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: withAdminPassword.baseURL });
  expect((await api.post('/api/admin/login', { data: publicAdmin })).status()).toBe(401);
  const login = await api.post('/api/admin/login', { data: { username: DEMO_ADMIN.username, password: generatedAdminPassword } });
  expect(login.status()).toBe(200);
  expect((await api.get('/api/admin/me')).status()).toBe(200);
  expect(withAdminPassword.output()).toContain(
    'Public demo accounts open: alice, bob. Admin: admin, with the password from ADMIN_PASSWORD.',
  );
  expect(withAdminPassword.output()).not.toContain(generatedAdminPassword);
  await api.dispose();
});
