/**
 * The attacker's toolkit for the attack specs (e2e/attacks-*.spec.ts): an app instance of its own
 * (the production build on a real redis-server), raw HTTP requests with every header under the
 * test's control, and the "nothing changed" check: the exact status and error code, no credential
 * cookie in the answer, and every key of Redis as it was.
 */
import { expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { cookieName, type CookiePurpose } from '@/lib/http/cookies';
import { startAppServer, type RunningAppServer } from '@/test-utils/app-server';
import { diffRedisSnapshots, snapshotRedis } from '@/test-utils/redis-snapshot';
import { startRedisServer, type RunningRedis } from '@/test-utils/redis-server';

export interface Account {
  username: string;
  password: string;
}

export interface AttackTarget {
  baseURL: string;
  port: number;
  redisUrl: string;
  alice: Account;
  bob: Account;
  admin: Account;
  /** What the server printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the target: a fresh redis-server and `next start` on it, with accounts whose passwords
 * exist only in this run (DEMO_USERS), so the admin works with or without a production admin
 * password rule. Then warms it up (signing key generated, settings read) so that no later request
 * is the one that writes them for the first time.
 */
export async function startAttackTarget(env: Record<string, string> = {}): Promise<AttackTarget> {
  const password = () => randomBytes(12).toString('base64url');
  const alice = { username: 'alice', password: password() };
  const bob = { username: 'bob', password: password() };
  const admin = { username: 'admin', password: password() };
  const redis: RunningRedis = await startRedisServer();
  let app: RunningAppServer;
  try {
    app = await startAppServer({
      REDIS_URL: redis.url,
      INSTANCE_ID: 'attacks',
      DEMO_USERS: JSON.stringify([
        { ...alice, role: 'user' },
        { ...bob, role: 'user' },
        { ...admin, role: 'admin' },
      ]),
      ...env,
    });
  } catch (error) {
    await redis.stop();
    throw error;
  }
  const target: AttackTarget = {
    baseURL: app.baseURL,
    port: app.port,
    redisUrl: redis.url,
    alice,
    bob,
    admin,
    output: app.output,
    async stop() {
      await app.stop();
      await redis.stop();
    },
  };
  await logInJwt(target, bob);
  await logInAdmin(target);
  return target;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  setCookies: string[];
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface OutgoingRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  /** A string or bytes, sent as is; an object is sent as JSON with its Content-Type. */
  body?: string | Buffer | object;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * One HTTP request with node:http: no cookie jar, no redirects, no header the test did not ask
 * for (Host aside). Header values may carry bytes 0x80-0xff (sent as latin1, i.e. raw bytes).
 */
export function send(target: AttackTarget, outgoing: OutgoingRequest): Promise<HttpAnswer> {
  const headers: Record<string, string | string[]> = { ...outgoing.headers };
  let body: Buffer | undefined;
  if (typeof outgoing.body === 'string') body = Buffer.from(outgoing.body);
  else if (Buffer.isBuffer(outgoing.body)) body = outgoing.body;
  else if (outgoing.body !== undefined) {
    body = Buffer.from(JSON.stringify(outgoing.body));
    headers['content-type'] ??= 'application/json';
  }
  if (body !== undefined && !Object.keys(headers).some((name) => /^(content-length|transfer-encoding)$/i.test(name))) {
    headers['content-length'] = String(body.byteLength);
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: target.port, method: outgoing.method ?? 'GET', path: outgoing.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const setCookie = res.headers['set-cookie'] ?? [];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, setCookies: setCookie, text, json: parseJson(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A response read off a raw socket: the first one, whatever followed. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string[]>;
  text: string;
  json: unknown;
  /** Everything the server sent, for a failure message. */
  raw: string;
}

function decodeChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = parseInt(body.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parseFirstResponse(bytes: Buffer): RawAnswer {
  const raw = bytes.toString('latin1');
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd === -1) return { status: 0, headers: {}, text: '', json: undefined, raw };
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  let body = bytes.subarray(headEnd + 4);
  if (headers['transfer-encoding']?.some((value) => /chunked/i.test(value))) body = decodeChunked(body);
  else if (headers['content-length']) body = body.subarray(0, Number(headers['content-length'][0]));
  const text = body.toString('utf8');
  return { status, headers, text, json: parseJson(text), raw };
}

/**
 * Writes `pieces` to a plain TCP connection, one after another with `pauseMs` between them (so a
 * body can arrive in several TCP segments), then reads until the server closes the connection or
 * `timeoutMs` passes, and parses the first response. For framing a well-behaved client would
 * never send: lying Content-Length, conflicting headers, raw bytes.
 */
export function sendRaw(
  target: AttackTarget,
  pieces: readonly (string | Buffer)[],
  options: { pauseMs?: number; timeoutMs?: number; endAfterWriting?: boolean } = {},
): Promise<RawAnswer> {
  const { pauseMs = 0, timeoutMs = 5000, endAfterWriting = false } = options;
  return new Promise((resolve, reject) => {
    const socket = connect(target.port, '127.0.0.1');
    const received: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseFirstResponse(Buffer.concat(received)));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error) => {
      if (received.length > 0) finish();
      else {
        clearTimeout(timer);
        reject(error);
      }
    });
    socket.once('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) return;
        socket.write(piece);
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      }
      if (endAfterWriting && !socket.destroyed) socket.end();
    });
  });
}

/** The request head for `sendRaw`, `Connection: close` so the server ends the exchange itself. */
export function rawHead(target: AttackTarget, method: string, path: string, headers: Record<string, string> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${target.port}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The cookie's name on this target: 127.0.0.1 is a secure context, so the prefixed names. */
export const nameOf = (purpose: CookiePurpose) => cookieName(purpose, true);

/** A Cookie header for the given credentials (or raw `name=value` pairs), in order. */
export function cookieHeader(cookies: Partial<Record<CookiePurpose, string>> | readonly [string, string][]): string {
  const pairs: [string, string][] = Array.isArray(cookies)
    ? [...cookies]
    : Object.entries(cookies).map(([purpose, value]) => [nameOf(purpose as CookiePurpose), value as string]);
  return pairs.map(([name, value]) => `${name}=${value}`).join('; ');
}

/** The value a Set-Cookie list gives `purpose`'s cookie, or null. */
export function setCookieValue(answer: { setCookies: string[] }, purpose: CookiePurpose): string | null {
  const prefix = `${nameOf(purpose)}=`;
  const line = answer.setCookies.find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length).split(';')[0]!;
}

/** Set-Cookie lines that store a credential; a clearing one (empty value, Max-Age=0) is not one. */
export function credentialSetCookies(setCookies: readonly string[]): string[] {
  return setCookies.filter((line) => {
    const value = line.slice(line.indexOf('=') + 1).split(';')[0] ?? '';
    return value !== '' && !/;\s*Max-Age=0\b/i.test(line);
  });
}

/** The exact refusal: status, `{ error, message }` body with this code, and no credential issued. */
export function expectRefusal(answer: HttpAnswer, status: number, code: string): void {
  const context = `${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBe(status);
  expect(answer.json, context).toMatchObject({ error: code, message: expect.any(String) });
  expect(credentialSetCookies(answer.setCookies), 'a refusal must not set a credential cookie').toEqual([]);
}

/**
 * Runs `attack` between two snapshots of every Redis key (event log and rate-limit counters
 * aside) and fails with the list of what changed, if anything did.
 */
export async function expectStoreUnchanged<T>(target: AttackTarget, attack: () => Promise<T>): Promise<T> {
  const before = await snapshotRedis(target.redisUrl);
  const result = await attack();
  const after = await snapshotRedis(target.redisUrl);
  expect(diffRedisSnapshots(before, after), 'the store must be exactly as it was').toEqual([]);
  return result;
}

/** The snapshot-diff pair for a case that is meant to change something specific. */
export async function storeChangesDuring(target: AttackTarget, action: () => Promise<unknown>): Promise<string[]> {
  const before = await snapshotRedis(target.redisUrl);
  await action();
  return diffRedisSnapshots(before, await snapshotRedis(target.redisUrl));
}

async function logIn(target: AttackTarget, path: string, account: Account): Promise<HttpAnswer> {
  const answer = await send(target, { method: 'POST', path, body: { username: account.username, password: account.password } });
  expect(answer.status, `${path}: ${answer.text}\n${target.output().slice(-2000)}`).toBe(200);
  return answer;
}

/** A fresh session for `account`: the sealed cookie value. */
export async function logInSession(target: AttackTarget, account: Account = target.alice): Promise<string> {
  return setCookieValue(await logIn(target, '/api/session/login', account), 'session')!;
}

/** A fresh admin session: the admin cookie value. */
export async function logInAdmin(target: AttackTarget): Promise<string> {
  return setCookieValue(await logIn(target, '/api/admin/login', target.admin), 'adminSession')!;
}

/** A fresh JWT login for `account`: the access token and the refresh token, as the cookies carry them. */
export async function logInJwt(target: AttackTarget, account: Account = target.alice): Promise<{ access: string; refresh: string }> {
  const answer = await logIn(target, '/api/jwt/login', account);
  return { access: setCookieValue(answer, 'accessToken')!, refresh: setCookieValue(answer, 'refreshToken')! };
}

/** Changes runtime settings as the admin (e.g. the denylist or the refresh grace window). */
export async function putSettings(target: AttackTarget, adminCookie: string, patch: Record<string, unknown>): Promise<void> {
  const answer = await send(target, {
    method: 'PUT',
    path: '/api/admin/settings',
    headers: { cookie: cookieHeader({ adminSession: adminCookie }) },
    body: patch,
  });
  expect(answer.status, answer.text).toBe(200);
}
