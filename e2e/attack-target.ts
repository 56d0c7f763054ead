import { randomBytes } from 'node:crypto';
import { expect, request } from '@playwright/test';
import { createClient } from 'redis';
import { cookieName, type CookiePurpose } from '@/lib/http/cookies';
import { createPrivateKeySeal } from '@/lib/jwt/private-key-seal';
import { SIGNING_KEYS_KEY } from '@/lib/jwt/signing-keys';
import { hashPassword } from '@/lib/users/password';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';
import { diffSnapshots, snapshotStore } from '../test-utils/redis-snapshot';
import { startRedisServer, type RunningRedis } from '../test-utils/redis-server';

/**
 * The target of the attack suite: one production app instance (`next start`) on its own real
 * redis-server, with accounts whose passwords are random per run (cheap hashes, N=2^10, so logins
 * are fast). The signing-key secret is the test's, so a case can open the current signing key
 * from the store and sign tokens that only a claim check can refuse.
 */
export interface AttackTarget {
  app: RunningAppServer;
  redis: RunningRedis;
  baseURL: string;
  signingKeySecret: string;
  admin: { username: string; password: string };
  /** mallory, alice, bob, carol: plain users, so wrong passwords can be spread across accounts. */
  users: { username: string; password: string }[];
  /** A plain user by position in `users` (throws on a typo rather than sending `undefined`). */
  user(index: number): { username: string; password: string };
  stop(): Promise<void>;
}

export async function startAttackTarget(instanceId: string): Promise<AttackTarget> {
  const redis = await startRedisServer();
  const signingKeySecret = randomBytes(32).toString('base64url');
  const admin = { username: 'root', password: randomBytes(12).toString('base64url') };
  const users = ['mallory', 'alice', 'bob', 'carol'].map((username) => ({ username, password: randomBytes(12).toString('base64url') }));
  const cheap = { logN: 10, blockSize: 8, parallelization: 1 };
  const demoUsers = [
    { username: admin.username, role: 'admin', passwordHash: await hashPassword(admin.password, cheap) },
    ...(await Promise.all(
      users.map(async (u) => ({ username: u.username, role: 'user', passwordHash: await hashPassword(u.password, cheap) })),
    )),
  ];
  const app = await startAppServer({
    REDIS_URL: redis.url,
    INSTANCE_ID: instanceId,
    SIGNING_KEY_SECRET: signingKeySecret,
    DEMO_USERS: JSON.stringify(demoUsers),
  });
  return {
    app,
    redis,
    baseURL: app.baseURL,
    signingKeySecret,
    admin,
    users,
    user(index) {
      const found = users[index];
      if (!found) throw new Error(`no user #${index}`);
      return found;
    },
    async stop() {
      await app.stop();
      await redis.stop();
    },
  };
}

/** A response read whole: what the suite asserts on (status, headers, body), usable after its context is gone. */
export interface Answer {
  status(): number;
  headers(): Record<string, string>;
  headersArray(): { name: string; value: string }[];
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** Every request of the suite is made on a fresh context: no cookie jar carries a credential from one call to the next. */
export async function send(
  target: AttackTarget,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; data?: unknown } = {},
): Promise<Answer> {
  const context = await request.newContext({ baseURL: target.baseURL });
  try {
    const response = await context.fetch(path, { method, headers: options.headers, data: options.data, maxRedirects: 0 });
    const body = (await response.body().catch(() => Buffer.alloc(0))).toString('utf8');
    const status = response.status();
    const headers = response.headers();
    const headersArray = response.headersArray();
    return {
      status: () => status,
      headers: () => headers,
      headersArray: () => headersArray,
      text: async () => body,
      json: async () => JSON.parse(body) as unknown,
    };
  } finally {
    await context.dispose();
  }
}

/** Part `index` (0 header, 1 payload, 2 signature) of a compact JWS, decoded. */
export function jwsPart(token: string, index: 0 | 1 | 2): Buffer {
  return Buffer.from(token.split('.')[index] ?? '', 'base64url');
}

/** The cookie name every purpose has on this loopback target (a secure context: `__Host-` / `__Secure-`). */
const nameOf = (purpose: CookiePurpose): string => cookieName(purpose, true);

export const cookieHeader = (purpose: CookiePurpose, value: string): Record<string, string> => ({ cookie: `${nameOf(purpose)}=${value}` });

function setCookies(response: Answer): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'set-cookie')
    .map((header) => header.value);
}

/** The value a response set for `purpose`, or null. */
export function issuedCookie(response: Answer, purpose: CookiePurpose): string | null {
  for (const line of setCookies(response)) {
    const pair = line.split(';')[0] ?? '';
    const index = pair.indexOf('=');
    if (pair.slice(0, index) === nameOf(purpose) && pair.slice(index + 1) !== '') return pair.slice(index + 1);
  }
  return null;
}

/** No Set-Cookie that stores a value: clearing a cookie (empty value, Max-Age=0) is the only kind allowed. */
export function expectNoCredentialIssued(response: Answer): void {
  for (const line of setCookies(response)) {
    expect(line, 'only cookie clearing is allowed on a refusal').toMatch(/^[^=]+=;.*Max-Age=0/);
  }
}

/** Exact status, exact error code, `{ error, message }`, and no credential set. */
export async function expectRefusal(response: Answer, status: number, code: string): Promise<void> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  const body = JSON.parse(text) as { error?: unknown; message?: unknown };
  expect(body.error).toBe(code);
  expect(typeof body.message).toBe('string');
  expectNoCredentialIssued(response);
  // A refusal never hands out a token in the body either (a message may name the field, as in
  // 'Expected { "refresh_token": string }', so it is the body's fields that are checked).
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
}

/**
 * Runs `attack` and fails if it changed any key of the store (event log and rate-limit counters
 * aside), apart from the changes listed in `allowed` (e.g. a dead record cleaned up).
 */
export async function expectStoreUnchanged<T>(target: AttackTarget, attack: () => Promise<T>, allowed: readonly string[] = []): Promise<T> {
  const before = await snapshotStore(target.redis.url);
  const result = await attack();
  expect(diffSnapshots(before, await snapshotStore(target.redis.url)).filter((change) => !allowed.includes(change))).toEqual([]);
  return result;
}

export async function logIn(
  target: AttackTarget,
  path: '/api/session/login' | '/api/admin/login' | '/api/jwt/login',
  credentials: { username: string; password: string },
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await send(target, 'POST', path, { data: credentials, headers });
  expect(response.status(), await response.text()).toBe(200);
  return response;
}

export async function tokenLogin(
  target: AttackTarget,
  credentials: { username: string; password: string },
): Promise<{ access_token: string; refresh_token: string }> {
  const response = await send(target, 'POST', '/api/jwt/token', { data: credentials });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { access_token: string; refresh_token: string };
}

/** The admin's session cookie, as a Cookie header for /api/admin. */
export async function adminCookie(target: AttackTarget): Promise<Record<string, string>> {
  const value = issuedCookie(await logIn(target, '/api/admin/login', target.admin), 'adminSession');
  if (value === null) throw new Error('admin login set no cookie');
  return cookieHeader('adminSession', value);
}

/**
 * The current signing key's private JWK, opened from the store with the test's secret: what an
 * insider with the key would hold. Used to sign tokens that only the claim checks can refuse.
 */
export async function openCurrentSigningKey(target: AttackTarget): Promise<{ kid: string; privateJwk: Record<string, unknown> }> {
  const client = createClient({ url: target.redis.url, RESP: 2 });
  await client.connect();
  try {
    const raw = await client.get(SIGNING_KEYS_KEY);
    if (raw === null) throw new Error('no signing keys in the store yet');
    const stored = JSON.parse(raw) as {
      keys: { kid: string; alg: string; status: string; publicJwk: { x: string; y?: string }; sealedPrivateJwk?: string }[];
    };
    const current = stored.keys.find((key) => key.status === 'current');
    if (!current?.sealedPrivateJwk) throw new Error('no sealed current key');
    const privateJwk = createPrivateKeySeal(target.signingKeySecret).open(current.sealedPrivateJwk, {
      kid: current.kid,
      alg: current.alg,
      x: current.publicJwk.x,
      y: current.publicJwk.y,
    });
    if (privateJwk === null) throw new Error('the current key did not open with the test secret');
    return { kid: current.kid, privateJwk };
  } finally {
    client.destroy();
  }
}
