/**
 * Login throttling and bounded password hashing, through the real route modules of all four
 * password logins, on a whole app over the memory store.
 */
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as adminLogin } from '@/app/api/admin/login/route';
import { POST as jwtLogin } from '@/app/api/jwt/login/route';
import { POST as tokenEndpoint } from '@/app/api/jwt/token/route';
import { POST as sessionLogin } from '@/app/api/session/login/route';
import type { Environment } from '@/lib/config/config';
import {
  LOGIN_MAX_FAILURES_PER_ACCOUNT,
  LOGIN_THROTTLE_WINDOW_SECONDS,
  PASSWORD_HASHING_MAX_ACTIVE,
  PASSWORD_HASHING_MAX_QUEUED,
} from '@/lib/policy';
import { hashPassword } from '@/lib/users/password';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';
import type { ServerApp } from './app';

const ORIGIN = 'http://127.0.0.1:3000';
const alice = { username: 'alice', password: 'wonderland-123' };
const admin = { username: 'root', password: 'control-room-123' };
// A cheap scrypt cost keeps sixty logins fast; the hashing bound is tested at the real cost below.
const cheap = { logN: 10, blockSize: 8, parallelization: 1 };
const SPRAYED = ['ann', 'ben', 'cat', 'dan', 'eve'];
const DEMO_USERS = JSON.stringify([
  { username: alice.username, role: 'user', passwordHash: await hashPassword(alice.password, cheap) },
  { username: admin.username, role: 'admin', passwordHash: await hashPassword(admin.password, cheap) },
  ...(await Promise.all(
    SPRAYED.map(async (username) => ({ username, role: 'user', passwordHash: await hashPassword(`${username}-secret`, cheap) })),
  )),
]);
const SESSION_PASSWORD = randomBytes(32).toString('base64url');

type Door = (request: Request) => Promise<Response>;
const DOORS: Record<string, Door> = {
  '/api/session/login': sessionLogin,
  '/api/admin/login': adminLogin,
  '/api/jwt/login': jwtLogin,
  '/api/jwt/token': tokenEndpoint,
};

function login(path: keyof typeof DOORS, credentials: { username: string; password: string }, headers: Record<string, string> = {}) {
  return DOORS[path]!(
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/json', ...headers },
      body: JSON.stringify(credentials),
    }),
  );
}

let app: ServerApp;
let verifications = 0;

/**
 * The middle of the current throttling window, as every request's clock: the counts of a test can
 * never be split by a window boundary passing while it runs.
 */
function midWindow(): () => number {
  const windowMs = LOGIN_THROTTLE_WINDOW_SECONDS.defaultValue * 1000;
  const instant = Math.floor(Date.now() / windowMs) * windowMs + windowMs / 2;
  return () => instant;
}

/** A fresh app (its own memory store, its own counters) whose password verifications are counted. */
function startApp(env: Environment = {}): void {
  app = createTestApp({ env: { SESSION_PASSWORD, DEMO_USERS, ...env }, now: midWindow() });
  const check = app.users.checkCredentials;
  app.users = {
    ...app.users,
    checkCredentials: (username, password) => {
      verifications += 1;
      return check(username, password);
    },
  };
  verifications = 0;
  serveRoutesFrom(app);
}

/** Sends `count` logins, `concurrency` at a time, and returns the responses in order. */
async function burst(count: number, concurrency: number, send: (index: number) => Promise<Response>): Promise<Response[]> {
  const responses: Response[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => send(start + offset));
    responses.push(...(await Promise.all(batch)));
  }
  return responses;
}

const LIMIT = LOGIN_MAX_FAILURES_PER_ACCOUNT.defaultValue;

describe('login throttling', () => {
  beforeEach(() => startApp());

  it('answers sixty wrong passwords for one account with 401 up to the limit, then 429 rate_limited with Retry-After and no password work', async () => {
    const responses = await burst(60, 2, () => login('/api/session/login', { ...alice, password: 'guess' }));
    const statuses = responses.map((response) => response.status);
    expect(statuses.slice(0, LIMIT)).toEqual(new Array(LIMIT).fill(401));
    expect(statuses.slice(LIMIT)).toEqual(new Array(60 - LIMIT).fill(429));
    expect(verifications).toBe(LIMIT);
    const refused = responses[LIMIT]!;
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBe(LOGIN_THROTTLE_WINDOW_SECONDS.defaultValue / 2);
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('refuses the right password during the lockout, on every password login, without checking it', async () => {
    await burst(LIMIT, 2, () => login('/api/jwt/token', { ...alice, password: 'guess' }));
    const before = verifications;
    for (const path of Object.keys(DOORS)) {
      const response = await login(path, alice);
      expect(response.status, path).toBe(429);
      expect((await response.json()).error, path).toBe('rate_limited');
      expect(response.headers.get('retry-after'), path).toMatch(/^\d+$/);
      expect(response.headers.get('set-cookie'), path).toBeNull();
    }
    expect(verifications).toBe(before);
  });

  it('counts failures at every door against the same account', async () => {
    const paths = Object.keys(DOORS);
    await burst(LIMIT, 1, (index) => login(paths[index % paths.length]!, { ...alice, password: 'guess' }));
    expect((await login('/api/session/login', alice)).status).toBe(429);
  });

  it('counts only failures: successful logins never lock an account', async () => {
    const responses = await burst(LIMIT + 5, 2, () => login('/api/session/login', alice));
    expect(responses.every((response) => response.status === 200)).toBe(true);
  });

  it('throttles a username that does not exist exactly like one that does (no enumeration through the limiter)', async () => {
    // A low limit: every attempt on an unknown user verifies the OWASP-cost dummy hash.
    startApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    const unknown = await burst(4, 1, () => login('/api/jwt/login', { username: 'mallory', password: 'guess' }));
    const known = await burst(4, 1, () => login('/api/jwt/login', { ...alice, password: 'guess' }));
    for (const responses of [unknown, known]) expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 429]);
    expect(await unknown[3]!.json()).toEqual(await known[3]!.json());
  });

  it('ignores X-Forwarded-For without TRUSTED_PROXY_HOPS: a forged address per request does not escape the account limit', async () => {
    await burst(LIMIT, 2, (index) =>
      login('/api/session/login', { ...alice, password: 'guess' }, { 'x-forwarded-for': `198.51.100.${index}` }),
    );
    expect((await login('/api/session/login', alice, { 'x-forwarded-for': '203.0.113.77' })).status).toBe(429);
  });

  it('publishes one rejection event when a lockout starts, not one per refused attempt', async () => {
    const published: unknown[] = [];
    const publish = app.events.publish;
    app.events.publish = (event) => {
      published.push(event);
      publish(event);
    };
    await burst(LIMIT + 10, 2, () => login('/api/session/login', { ...alice, password: 'guess' }));
    const lockouts = published.filter((event) => (event as { code?: string }).code === 'rate_limited');
    expect(lockouts).toEqual([
      expect.objectContaining({
        type: 'rejection',
        strategy: 'session',
        username: 'alice',
        detail: expect.objectContaining({ scopes: 'account' }),
      }),
    ]);
  });
});

describe('login throttling behind a trusted proxy (TRUSTED_PROXY_HOPS=1)', () => {
  beforeEach(() => startApp({ TRUSTED_PROXY_HOPS: '1', LOGIN_MAX_FAILURES_PER_ACCOUNT: '0' }));
  const from = (address: string) => ({ 'x-forwarded-for': `10.9.9.9, ${address}` });

  it('locks one guessing address out of an account, while the owner elsewhere still logs in', async () => {
    const responses = await burst(8, 1, () => login('/api/session/login', { ...alice, password: 'guess' }, from('203.0.113.9')));
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect((await login('/api/session/login', alice, from('203.0.113.9'))).status).toBe(429);
    expect((await login('/api/session/login', alice, from('198.51.100.7'))).status).toBe(200);
  });

  it('stops one address spraying a password across many accounts', async () => {
    startApp({ TRUSTED_PROXY_HOPS: '1', LOGIN_MAX_FAILURES_PER_ACCOUNT: '0', LOGIN_MAX_FAILURES_PER_CLIENT: '4' });
    const responses = await burst(5, 1, (index) =>
      login('/api/jwt/login', { username: SPRAYED[index]!, password: 'Summer2026!' }, from('203.0.113.10')),
    );
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401, 429]);
    expect(await responses[4]!.json()).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('from your address') });
    expect((await login('/api/jwt/login', alice, from('203.0.113.11'))).status).toBe(200);
  });
});

describe('bounded password hashing', () => {
  it(`runs at most ${PASSWORD_HASHING_MAX_ACTIVE} verifications with ${PASSWORD_HASHING_MAX_QUEUED} waiting, and refuses the rest at once with 503 server_busy`, async () => {
    // A real, if smaller, scrypt cost (16 MiB): slow enough that the flood all arrives while the first verifications run.
    const passwordHash = await hashPassword(alice.password, { logN: 14, blockSize: 8, parallelization: 1 });
    startApp({ DEMO_USERS: JSON.stringify([{ username: alice.username, role: 'user', passwordHash }]) });
    const flood = 16;
    const started = performance.now();
    const answered: { status: number; at: number; response: Response }[] = [];
    await Promise.all(
      Array.from({ length: flood }, async () => {
        const response = await login('/api/session/login', { ...alice, password: 'guess' });
        answered.push({ status: response.status, at: performance.now() - started, response });
      }),
    );
    const busy = answered.filter((answer) => answer.status === 503);
    const checked = answered.filter((answer) => answer.status === 401);
    expect(checked).toHaveLength(PASSWORD_HASHING_MAX_ACTIVE + PASSWORD_HASHING_MAX_QUEUED);
    expect(busy).toHaveLength(flood - checked.length);
    for (const refusal of busy) {
      expect(await refusal.response.json()).toMatchObject({ error: 'server_busy' });
      expect(refusal.response.headers.get('retry-after')).toBe('1');
      // Answered before the first verification could even finish: no scrypt work was spent on it.
      expect(refusal.at).toBeLessThan(Math.min(...checked.map((answer) => answer.at)));
    }
    // A refusal is not a failed login: only the checked ones count towards the account's limit.
    // And the slots come back: the next login is checked normally.
    expect((await login('/api/session/login', alice)).status).toBe(200);
  });
});
