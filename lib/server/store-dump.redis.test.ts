/**
 * What a store dump yields: after session logins, JWT logins, refreshes, key rotations and a
 * retirement on a real redis-server, every key of Redis is read back (SCAN, then each by its type)
 * and every string in it is tried as an attacker holding a backup, a replica or a read-only token
 * would: as a session id, as a session cookie, as a refresh token, and as an Ed25519 private key
 * (any 32-byte base64url string, any JWK-looking `d`) signing an access token for every kid the
 * app verifies. None of it may work.
 */
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, signAccessToken, verifyAccessToken } from '@/lib/jwt/access-token';
import { issueRefreshToken, rotateRefreshToken } from '@/lib/jwt/refresh-token';
import { createSession, validateSession } from '@/lib/session/session';
import { unsealSessionId } from '@/lib/session/session-cookie';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { startRedisServer, type RunningRedis } from '@/test-utils/redis-server';
import { createTestApp } from '@/test-utils/test-app';
import type { ServerApp } from './app';

const alice = { id: 'usr_alice', username: 'alice', role: 'user' as const };
const admin = { id: 'usr_admin', username: 'admin', role: 'admin' as const };
/** PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed (the JWK's `d`) follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

let redis: RunningRedis;
let store: Store;
let app: ServerApp;

beforeAll(async () => {
  redis = await startRedisServer();
  store = createRedisStore({ url: redis.url });
  app = createTestApp({ store, instanceId: 'dump-test' });
});

afterAll(async () => {
  app?.keys.stop();
  await store?.close();
  await redis?.stop();
});

/** Every key and everything stored under it, read by type, as `redis-cli --scan` plus a read would. */
async function dumpRedis(url: string): Promise<{ keys: string[]; strings: string[] }> {
  const client = createClient({ url });
  await client.connect();
  const keys: string[] = [];
  const strings: string[] = [];
  try {
    for await (const batch of client.scanIterator({ COUNT: 100 })) {
      for (const key of Array.isArray(batch) ? batch : [batch]) {
        keys.push(key);
        strings.push(key);
        const type = await client.type(key);
        if (type === 'string') strings.push((await client.get(key)) ?? '');
        else if (type === 'set') strings.push(...(await client.sMembers(key)));
        else if (type === 'zset') strings.push(...(await client.zRange(key, 0, -1)));
        else if (type === 'list') strings.push(...(await client.lRange(key, 0, -1)));
        else if (type === 'hash') strings.push(...Object.entries(await client.hGetAll(key)).flat());
        else if (type === 'stream') {
          for (const entry of (await client.xRange(key, '-', '+')) ?? []) {
            if (entry) strings.push(entry.id, ...Object.entries(entry.message).flat());
          }
        } else throw new Error(`key ${key} has a type this dump does not read: ${type}`);
      }
    }
  } finally {
    await client.quit();
  }
  return { keys, strings };
}

/** Every string a dump offers an attacker: whole values, every JSON leaf, every token-shaped run. */
function candidatesFrom(strings: string[]): { texts: Set<string>; privateKeyCandidates: Set<string> } {
  const texts = new Set<string>();
  const privateKeyCandidates = new Set<string>();
  const visit = (value: unknown, name?: string): void => {
    if (typeof value === 'string') {
      texts.add(value);
      if (name === 'd') privateKeyCandidates.add(value);
      for (const run of value.match(/[A-Za-z0-9_-]{16,}/g) ?? []) texts.add(run);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, key);
  };
  for (const text of strings) {
    visit(text);
    try {
      visit(JSON.parse(text));
    } catch {
      // not JSON: the string itself was visited
    }
  }
  for (const text of texts)
    if (Buffer.from(text, 'base64url').length === 32 && /^[A-Za-z0-9_-]{43}$/.test(text)) privateKeyCandidates.add(text);
  return { texts, privateKeyCandidates };
}

/** Live credentials the activity handed out (never stored), kept to show the checks below do accept them. */
const live = { sessionId: '', refreshToken: '' };

async function createActivity(): Promise<void> {
  const now = Date.now();
  // Session logins (a user and an admin), and JWT logins with refreshes, across key rotations.
  await createSession(store, alice, { now, userAgent: 'Laptop' });
  await createSession(store, admin, { now, scope: 'admin', userAgent: 'Console' });
  for (let round = 0; round < 3; round += 1) {
    const { ring } = await app.keys.get(store);
    const { token } = await issueRefreshToken(store, { user: alice, now });
    const rotated = await rotateRefreshToken(store, token, { now: now + 1000 });
    if (!rotated.ok) throw new Error(`refresh failed: ${rotated.code}`);
    await signAccessToken({ user: alice, signingKey: ring.signingKey, now, ttlSeconds: 900 });
    app.events.publish({ type: 'login', strategy: 'jwt', userId: alice.id, username: alice.username });
    const rotation = await app.keys.rotate(now + round);
    if (!rotation.ok) throw new Error(rotation.message);
  }
  const { keySet } = await app.keys.get(store);
  const previous = keySet.keys.filter((key) => key.status === 'previous');
  const retirement = await app.keys.retire(previous[previous.length - 1]!.kid, now);
  if (!retirement.ok) throw new Error(retirement.message);
  await app.settings.update({ denylist: true }, now);
  live.sessionId = (await createSession(store, alice, { now, userAgent: 'Phone' })).sessionId;
  live.refreshToken = (await issueRefreshToken(store, { user: alice, now })).token;
  await app.events.flush();
}

describe('a dump of the whole store', () => {
  it('yields nothing that opens a session, rotates a refresh token or signs an access token that verifies', async () => {
    await createActivity();
    const dump = await dumpRedis(redis.url);
    expect(dump.keys.some((key) => key.startsWith('session:'))).toBe(true);
    expect(dump.keys.some((key) => key.startsWith('refresh_family:'))).toBe(true);
    expect(dump.keys).toContain('jwt:signing-keys');
    const { texts, privateKeyCandidates } = candidatesFrom(dump.strings);
    const now = Date.now();

    // The checks are real: the live credentials, which the store never holds, pass them.
    expect((await validateSession(store, live.sessionId, { now })).ok).toBe(true);
    expect(texts.has(live.sessionId) || texts.has(live.refreshToken)).toBe(false);

    const opened: string[] = [];
    for (const text of texts) {
      for (const scope of ['user', 'admin'] as const) {
        if ((await validateSession(store, text, { now, scope })).ok) opened.push(`session id (${scope}): ${text.slice(0, 12)}…`);
      }
      if ((await unsealSessionId(text, app.config.sessionPasswords, 3600)).ok) opened.push(`session cookie: ${text.slice(0, 12)}…`);
      if ((await rotateRefreshToken(store, text, { now })).ok) opened.push(`refresh token: ${text.slice(0, 12)}…`);
    }
    // A refresh token names its family, but the store knows families only by a hash of that id:
    // nothing in the dump can be put in front of a guessed secret (which would end the family as reuse).
    expect(texts.has(live.refreshToken.split('.')[0]!)).toBe(false);

    const { ring } = await app.keys.get(store);
    expect(ring.verificationKeys.size).toBeGreaterThan(1);
    const signsAnAcceptedToken = async (seed: string, kid: string): Promise<boolean> => {
      const key = createPrivateKey({
        key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seed, 'base64url')]),
        format: 'der',
        type: 'pkcs8',
      });
      const forged = await new SignJWT({ username: 'admin', role: 'admin' })
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setSubject(admin.id)
        .setJti(`forged-${kid}`)
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(Math.floor(now / 1000) + 900)
        .sign(key);
      return (await verifyAccessToken(forged, { resolveKey: (k) => ring.verificationKeys.get(k), now })).ok;
    };
    for (const seed of privateKeyCandidates) {
      for (const kid of ring.verificationKeys.keys()) {
        if (await signsAnAcceptedToken(seed, kid)) opened.push(`access token signed with a dumped private key for kid ${kid}`);
      }
    }
    // The forging is real: the current key's private part (in this process's memory only) does sign.
    const current = (await app.keys.get(store)).keySet.keys.find((key) => key.status === 'current')!;
    expect(await signsAnAcceptedToken(current.privateJwk!.d, current.kid)).toBe(true);

    expect((await rotateRefreshToken(store, live.refreshToken, { now })).ok).toBe(true);
    console.info(
      `store dump: ${dump.keys.length} keys, ${texts.size} strings tried as credentials, ${privateKeyCandidates.size} tried as private keys`,
    );
    expect(opened).toEqual([]);
  });
});
