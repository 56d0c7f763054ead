/**
 * The orders service as it runs: `node services/orders/server.mjs` in its own process, against a
 * real JWKS served over HTTP from keys made by the app's own code (lib/jwt/signing-keys.ts) and
 * tokens issued by the app's own signer (lib/jwt/access-token.ts). Short cache windows, real time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '@/lib/jwt/access-token';
import { createKeyRing } from '@/lib/jwt/key-ring';
import { buildJwks, generateSigningKey, type SigningKeyRecord, type SigningKeySet } from '@/lib/jwt/signing-keys';
import { LAB_AUDIENCE, LAB_ISSUER } from '@/lib/lab/lab-identity';
import type { User } from '@/lib/users/users';
import { findFreePort } from '@/test-utils/free-port';

const SERVER_ENTRY = fileURLToPath(new URL('./server.mjs', import.meta.url));
const ALICE: User = { id: 'u_alice', username: 'alice', role: 'user' };

interface JwksServer {
  url: string;
  /** What the JWKS answers from now on: a key set, an HTTP error status, or a 200 with any text. */
  publish(keySet: SigningKeySet): void;
  fail(status: number): void;
  serveText(text: string): void;
  close(): Promise<void>;
}

async function startJwksServer(initial: SigningKeySet): Promise<JwksServer> {
  let body = JSON.stringify(buildJwks(initial));
  let failStatus: number | null = null;
  const server: Server = createServer((_request, response) => {
    if (failStatus !== null) {
      response.writeHead(failStatus, { 'Content-Type': 'text/plain' }).end('down');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    publish(keySet) {
      failStatus = null;
      body = JSON.stringify(buildJwks(keySet));
    },
    fail(status) {
      failStatus = status;
    },
    serveText(text) {
      failStatus = null;
      body = text;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface OrdersProcess {
  origin: string;
  output: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

async function startOrdersService(env: Record<string, string>): Promise<OrdersProcess> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '', ORDERS_HOST: '127.0.0.1', ORDERS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`orders service did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /orders service listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`orders service exited with ${code}:\n${output}`));
    });
  });
  return {
    origin,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${origin}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function health(
  origin: string,
): Promise<{ jwksFetches: number; jwksFetchedAt: number; cacheWindowSeconds: number; jwksUrl: string; cachedKeyIds: string[] }> {
  return (await get(origin, '/orders/health')).body as never;
}

async function issueToken(key: SigningKeyRecord, options: { now?: number; ttlSeconds?: number; user?: User } = {}): Promise<string> {
  const ring = await createKeyRing({ keys: [{ ...key, status: 'current' }], version: 1 });
  const { token } = await signAccessToken({
    user: options.user ?? ALICE,
    signingKey: ring.signingKey,
    now: options.now ?? Date.now(),
    ttlSeconds: options.ttlSeconds ?? 900,
  });
  return token;
}

/** A raw request, for what fetch refuses to send (oversized or malformed headers). */
function rawRequest(origin: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}/orders`, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('orders service with a cached key set (60 s window, 2 s cooldown)', () => {
  let currentKey: SigningKeyRecord;
  let jwks: JwksServer;
  let service: OrdersProcess;

  beforeAll(async () => {
    currentKey = await generateSigningKey(Date.now());
    jwks = await startJwksServer({ keys: [currentKey], version: 1 });
    service = await startOrdersService({ ORDERS_JWKS_URL: jwks.url, ORDERS_JWKS_CACHE_SECONDS: '60', ORDERS_JWKS_COOLDOWN_SECONDS: '2' });
  });

  afterAll(async () => {
    expect(await service?.stop()).toBe(0);
    await jwks?.close();
  });

  it('reports its JWKS URL and cache window, and fetches nothing before the first token', async () => {
    const answer = await get(service.origin, '/orders/health');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-instance')).toBe('orders');
    expect(answer.body).toMatchObject({ jwksUrl: jwks.url, jwksFetches: 0, cacheWindowSeconds: 60 });
  });

  it('accepts an access token issued by the app, as a Bearer token and as either access-token cookie', async () => {
    const token = await issueToken(currentKey);
    const headerSets: Record<string, string>[] = [
      { Authorization: `Bearer ${token}` },
      { Cookie: `access-token=${token}` },
      { Cookie: `theme=dark; __Host-access-token=${token}` },
    ];
    for (const headers of headerSets) {
      const answer = await get(service.origin, '/orders', headers);
      expect(answer.status).toBe(200);
      expect(answer.body.user).toEqual(ALICE);
      expect(answer.body.orders).toHaveLength(3);
      expect(answer.headers.get('x-instance')).toBe('orders');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('server-timing')).toMatch(/^verify;dur=\d+(\.\d+)?$/);
    }
    expect((await health(service.origin)).cachedKeyIds).toEqual([currentKey.kid]);
  });

  it('refuses a session cookie alone and says why, and asks for a token when there is nothing', async () => {
    const refused = await get(service.origin, '/orders', { Cookie: 'session=Fe26.2**sealed-session-id' });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('session_cookie_not_accepted');
    expect(refused.body.message).toMatch(/store/);
    const secureName = await get(service.origin, '/orders', { Cookie: '__Host-session=Fe26.2**sealed' });
    expect(secureName.body.error).toBe('session_cookie_not_accepted');
    const nothing = await get(service.origin, '/orders');
    expect(nothing.status).toBe(401);
    expect(nothing.body.error).toBe('missing_token');
  });

  it('uses the Bearer token before any cookie', async () => {
    const token = await issueToken(currentKey);
    const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${token}`, Cookie: 'access-token=not.a.token' });
    expect(answer.status).toBe(200);
    expect((answer.body.token as { from: string }).from).toBe('bearer');
  });

  it('refuses forged tokens: alg none, HS256 keyed with the public key, another key under the same kid', async () => {
    const genuine = await issueToken(currentKey);
    const [header, payload] = genuine.split('.') as [string, string, string];
    const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, string>;
    const noneHeader = Buffer.from(JSON.stringify({ ...decodedHeader, alg: 'none' })).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

    const publicKeyBytes = Buffer.from(currentKey.publicJwk.x, 'base64url');
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: currentKey.kid, typ: 'at+jwt' })
      .sign(new Uint8Array(publicKeyBytes));

    const impostor = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const sameKid = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: currentKey.kid, typ: 'at+jwt' })
      .sign(impostor.privateKey);

    for (const forged of [`${noneHeader}.${payload}.`, `${noneHeader}.${payload}.AAAA`, hs256, sameKid]) {
      const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${forged}` });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('invalid_token');
    }
    // The impostor's public key in a "jwk" header is not honoured either.
    const embedded = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: currentKey.kid, typ: 'at+jwt', jwk: await exportJWK(impostor.publicKey) })
      .sign(impostor.privateKey);
    expect((await get(service.origin, '/orders', { Authorization: `Bearer ${embedded}` })).body.error).toBe('invalid_token');
  });

  it('refuses a token for another issuer or audience (a lab-style token), even signed with a published key', async () => {
    const ring = await createKeyRing({ keys: [currentKey], version: 1 });
    const now = Math.floor(Date.now() / 1000);
    for (const [issuer, audience] of [
      [LAB_ISSUER, LAB_AUDIENCE],
      ['session-vs-jwt', LAB_AUDIENCE],
      [LAB_ISSUER, 'session-vs-jwt-api'],
    ] as const) {
      const token = await new SignJWT({ username: 'alice', role: 'user' })
        .setProtectedHeader({ alg: 'EdDSA', kid: currentKey.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(ALICE.id)
        .setJti('j-lab')
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(ring.signingKey.key);
      const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('invalid_token');
    }
  });

  it('refuses an expired token with token_expired', async () => {
    const token = await issueToken(currentKey, { now: Date.now() - 20 * 60_000, ttlSeconds: 300 });
    const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${token}` });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('token_expired');
  });

  it('answers bad input with 4xx JSON, never a 500', async () => {
    const huge = 'a'.repeat(20_000);
    const cases: Record<string, string>[] = [
      { Authorization: 'garbage' },
      { Authorization: 'Bearer' },
      { Authorization: 'Bearer a.b' },
      { Authorization: 'Bearer !!!.???.###' },
      { Authorization: `Bearer ${'x'.repeat(3000)}.${'y'.repeat(10)}.z` },
      { Authorization: 'Basic YWxpY2U6cGFzc3dvcmQ=' },
      { Cookie: ';;;==;access-token;=;access-token=' },
      { Cookie: 'access-token=a; access-token=b' },
      { Cookie: `access-token=${huge.slice(0, 4000)}` },
    ];
    for (const headers of cases) {
      const answer = await rawRequest(service.origin, headers);
      expect(answer.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(400);
      expect(answer.status, JSON.stringify(headers)).toBeLessThan(500);
      expect(JSON.parse(answer.body)).toHaveProperty('error');
    }
    const oversized = await rawRequest(service.origin, { Cookie: `session=${huge}` });
    expect(oversized.status).toBe(431);
    expect(JSON.parse(oversized.body)).toEqual(expect.objectContaining({ error: 'headers_too_large' }));

    // Not HTTP at all: Node's parser refuses it before the handler, and the answer is still JSON.
    const notHttp = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(service.origin).port), '127.0.0.1', () => socket.write('GARBAGE \x00\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(notHttp).toMatch(/^HTTP\/1\.1 400 /);
    expect(notHttp).toContain('"error":"bad_request"');
  });

  it('answers other methods with 405 and other paths with 404, in JSON', async () => {
    const post = await fetch(`${service.origin}/orders`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(((await post.json()) as { error: string }).error).toBe('method_not_allowed');
    const missing = await get(service.origin, '/api/jwt/me');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');
  });

  it('makes no call to the app for N requests once the key set is cached', async () => {
    const token = await issueToken(currentKey);
    expect((await get(service.origin, '/orders', { Authorization: `Bearer ${token}` })).status).toBe(200);
    const before = (await health(service.origin)).jwksFetches;
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => get(service.origin, '/orders', { Authorization: `Bearer ${token}` })),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect((await health(service.origin)).jwksFetches).toBe(before);
  });

  it('lets a flood of made-up kids cost at most one JWKS fetch per cooldown', async () => {
    const before = (await health(service.origin)).jwksFetches;
    const stranger = await generateSigningKey(Date.now());
    const tokens = await Promise.all(
      Array.from({ length: 30 }, async (_, index) =>
        issueToken({ ...stranger, kid: `made-up-${index}`, publicJwk: { ...stranger.publicJwk, kid: `made-up-${index}` } }),
      ),
    );
    const started = Date.now();
    // One after another: concurrent misses would share one fetch anyway, which would prove nothing.
    for (const token of tokens) {
      const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('unknown_key');
    }
    // One fetch at most per started 2 s cooldown (the loop usually takes well under a second).
    const cooldownsElapsed = Math.floor((Date.now() - started) / 2000);
    expect((await health(service.origin)).jwksFetches - before).toBeLessThanOrEqual(1 + cooldownsElapsed);
  });

  it('accepts a rotated-in key after one refetch, and not before the cooldown since the last fetch has passed', async () => {
    const nextKey = await generateSigningKey(Date.now());
    const nextToken = await issueToken(nextKey);
    jwks.publish({ keys: [nextKey, { ...currentKey, status: 'previous' }], version: 2 });
    await sleep(2100);
    const before = (await health(service.origin)).jwksFetches;
    const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${nextToken}` });
    // When the service's fetch completed, by its own account (same machine, same clock).
    const { jwksFetchedAt: fetchedAt } = await health(service.origin);
    expect(answer.status).toBe(200);
    expect((answer.body.token as { kid: string }).kid).toBe(nextKey.kid);
    expect((await health(service.origin)).jwksFetches).toBe(before + 1);
    // The previous key still verifies: it is still published.
    expect((await get(service.origin, '/orders', { Authorization: `Bearer ${await issueToken(currentKey)}` })).status).toBe(200);

    // Another rotation right after that fetch: its key is refused until the cooldown has passed.
    const thirdKey = await generateSigningKey(Date.now());
    const thirdToken = await issueToken(thirdKey);
    jwks.publish({ keys: [thirdKey, { ...nextKey, status: 'previous' }], version: 3 });
    const early = await get(service.origin, '/orders', { Authorization: `Bearer ${thirdToken}` });
    expect(Date.now() - fetchedAt).toBeLessThan(2000);
    expect(early.status).toBe(401);
    expect(early.body.error).toBe('unknown_key');
    expect((await health(service.origin)).jwksFetches).toBe(before + 1);
    await sleep(2100 - (Date.now() - fetchedAt));
    expect((await get(service.origin, '/orders', { Authorization: `Bearer ${thirdToken}` })).status).toBe(200);
    expect((await health(service.origin)).jwksFetches).toBe(before + 2);
  });
});

describe('orders service with a short cache window (1.5 s)', () => {
  it('keeps verifying a retired key inside the window, refuses it once the window has passed, and fails closed when the JWKS is down', async () => {
    const oldKey = await generateSigningKey(Date.now());
    const newKey = { ...(await generateSigningKey(Date.now())) };
    const jwks = await startJwksServer({ keys: [newKey, { ...oldKey, status: 'previous' }], version: 1 });
    const service = await startOrdersService({ ORDERS_JWKS_URL: jwks.url, ORDERS_JWKS_CACHE_SECONDS: '1.5' });
    try {
      const oldToken = await issueToken(oldKey);
      const newToken = await issueToken(newKey);
      expect((await get(service.origin, '/orders', { Authorization: `Bearer ${oldToken}` })).status).toBe(200);
      const { jwksFetchedAt: fetchedAt } = await health(service.origin);

      // The app retires the old key: the JWKS no longer lists it, but this service's copy does.
      jwks.publish({ keys: [newKey, { ...oldKey, status: 'retired' }], version: 2 });
      expect((await get(service.origin, '/orders', { Authorization: `Bearer ${oldToken}` })).status).toBe(200);
      expect(Date.now() - fetchedAt).toBeLessThan(1500);

      await sleep(1600 - (Date.now() - fetchedAt));
      const refused = await get(service.origin, '/orders', { Authorization: `Bearer ${oldToken}` });
      expect(refused.status).toBe(401);
      expect(refused.body.error).toBe('unknown_key');
      expect((await get(service.origin, '/orders', { Authorization: `Bearer ${newToken}` })).status).toBe(200);
      expect((await health(service.origin)).jwksFetches).toBe(2);

      // The app goes down: once the window has passed, no stale copy is used.
      jwks.fail(502);
      await sleep(1600);
      const down = await get(service.origin, '/orders', { Authorization: `Bearer ${newToken}` });
      expect(down.status).toBe(503);
      expect(down.body.error).toBe('jwks_unavailable');
      expect(down.headers.get('retry-after')).toBe('1');
    } finally {
      expect(await service.stop()).toBe(0);
      await jwks.close();
    }
  });

  it('answers 503 jwks_unavailable, never 200, when the JWKS URL has nothing listening', async () => {
    const key = await generateSigningKey(Date.now());
    const deadPort = await findFreePort();
    const service = await startOrdersService({ ORDERS_JWKS_URL: `http://127.0.0.1:${deadPort}/.well-known/jwks.json` });
    try {
      const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${await issueToken(key)}` });
      expect(answer.status).toBe(503);
      expect(answer.body.error).toBe('jwks_unavailable');
      expect((await health(service.origin)).jwksFetches).toBe(1);
    } finally {
      expect(await service.stop()).toBe(0);
    }
  });

  it('answers 503 jwks_unavailable when the JWKS answers 200 with something that is not a key set', async () => {
    const key = await generateSigningKey(Date.now());
    const jwks = await startJwksServer({ keys: [key], version: 1 });
    jwks.serveText('<html>maintenance</html>');
    const service = await startOrdersService({ ORDERS_JWKS_URL: jwks.url });
    try {
      const answer = await get(service.origin, '/orders', { Authorization: `Bearer ${await issueToken(key)}` });
      expect(answer.status).toBe(503);
      expect(answer.body.error).toBe('jwks_unavailable');
    } finally {
      expect(await service.stop()).toBe(0);
      await jwks.close();
    }
  });

  it('refuses to start without ORDERS_JWKS_URL, saying what to set', async () => {
    await expect(startOrdersService({})).rejects.toThrow(/ORDERS_JWKS_URL is required/);
  });
});
