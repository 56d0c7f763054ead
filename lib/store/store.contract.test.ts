/**
 * One contract, three drivers. Every behaviour the auth flows rely on is asserted here against the
 * in-memory store, a real redis-server, and the Upstash driver through a REST endpoint in front of
 * that same real Redis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '@/test-utils/redis-server';
import { startUpstashRestProxy, type UpstashRestProxy } from '@/test-utils/upstash-rest-proxy';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { Store } from './store';
import { createUpstashStore } from './upstash-store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: RunningRedis;
let proxy: UpstashRestProxy;
const stores: Record<'memory' | 'redis' | 'upstash', Store | undefined> = { memory: undefined, redis: undefined, upstash: undefined };

beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await startUpstashRestProxy({ redisUrl: redis.url });
  stores.memory = createMemoryStore();
  stores.redis = createRedisStore({ url: redis.url });
  stores.upstash = createUpstashStore({ url: proxy.url, token: proxy.token });
});

afterAll(async () => {
  await Promise.all(Object.values(stores).map((store) => store?.close()));
  await proxy?.close();
  await redis?.stop();
});

describe.each(['memory', 'redis', 'upstash'] as const)('%s store', (driver) => {
  const store = () => {
    const s = stores[driver];
    if (!s) throw new Error('store not started');
    return s;
  };
  // Every test writes under its own prefix, so tests never see each other's keys.
  const key = (name: string) => `test:${randomUUID()}:${name}`;

  it('reports which driver it is', () => {
    expect(store().driver).toBe(driver);
  });

  it('returns null for a key that was never written', async () => {
    expect(await store().get(key('missing'))).toBeNull();
  });

  it('returns exactly the string that was written, even when it looks like JSON', async () => {
    for (const value of ['42', 'true', 'null', '{"user":"alice"}', '[1,2]', 'plain text', 'ключ ✓ 🍪', '']) {
      const k = key('verbatim');
      await store().set(k, value);
      expect(await store().get(k)).toBe(value);
    }
  });

  it('reads several keys in one call, in order, with null for the missing ones', async () => {
    const [a, b, missing] = [key('a'), key('b'), key('missing')];
    await store().set(a, 'first');
    await store().set(b, '{"json":true}');
    expect(await store().getMany([a, missing, b])).toEqual(['first', null, '{"json":true}']);
    expect(await store().getMany([])).toEqual([]);
  });

  it('overwrites by default and refuses to overwrite with onlyIfAbsent', async () => {
    const k = key('claim');
    expect(await store().set(k, 'first')).toBe(true);
    expect(await store().set(k, 'second')).toBe(true);
    expect(await store().set(k, 'third', { onlyIfAbsent: true })).toBe(false);
    expect(await store().get(k)).toBe('second');
  });

  it('updates with onlyIfPresent only while the key exists, so a deleted record stays deleted', async () => {
    const k = key('touch');
    expect(await store().set(k, 'v1', { onlyIfPresent: true })).toBe(false);
    expect(await store().get(k)).toBeNull();
    await store().set(k, 'v1', { ttlMs: 60_000 });
    expect(await store().set(k, 'v2', { ttlMs: 60_000, onlyIfPresent: true })).toBe(true);
    expect(await store().get(k)).toBe('v2');
    await store().delete(k);
    expect(await store().set(k, 'v3', { ttlMs: 60_000, onlyIfPresent: true })).toBe(false);
    expect(await store().get(k)).toBeNull();
  });

  it('expires a key after its TTL and reports the time left before that', async () => {
    const k = key('ttl');
    await store().set(k, 'short-lived', { ttlMs: 300 });
    const left = await store().timeToLive(k);
    expect(left).not.toBeNull();
    expect(left!).toBeGreaterThan(0);
    expect(left!).toBeLessThanOrEqual(300);
    expect(await store().get(k)).toBe('short-lived');
    await sleep(450);
    expect(await store().get(k)).toBeNull();
    expect(await store().timeToLive(k)).toBeNull();
  });

  it('reports no TTL for a key without expiry', async () => {
    const k = key('forever');
    await store().set(k, 'v');
    expect(await store().timeToLive(k)).toBeNull();
  });

  it('lets a claimed key be claimed again once its TTL has passed', async () => {
    const k = key('reclaim');
    expect(await store().set(k, 'a', { ttlMs: 200, onlyIfAbsent: true })).toBe(true);
    expect(await store().set(k, 'b', { ttlMs: 200, onlyIfAbsent: true })).toBe(false);
    await sleep(350);
    expect(await store().set(k, 'c', { ttlMs: 200, onlyIfAbsent: true })).toBe(true);
  });

  it('deletes a key and says whether it existed', async () => {
    const k = key('delete');
    await store().set(k, 'v');
    expect(await store().delete(k)).toBe(true);
    expect(await store().get(k)).toBeNull();
    expect(await store().delete(k)).toBe(false);
  });

  it('gives a value to exactly one of 20 concurrent getAndDelete callers', async () => {
    const k = key('single-use');
    await store().set(k, 'refresh-token-record');
    const results = await Promise.all(Array.from({ length: 20 }, () => store().getAndDelete(k)));
    expect(results.filter((r) => r === 'refresh-token-record')).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(19);
    expect(await store().get(k)).toBeNull();
  });

  it('lets exactly one of 20 concurrent onlyIfAbsent writers win', async () => {
    const k = key('race');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store().set(k, `writer-${i}`, { onlyIfAbsent: true })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await store().get(k)).toBe(`writer-${winner}`);
  });

  it('keeps a per-user index and deletes every listed key in one operation', async () => {
    const alice = key('user_sessions:alice');
    const bob = key('user_sessions:bob');
    const aliceSessions = [key('session:a1'), key('session:a2'), key('session:a3')];
    const bobSession = key('session:b1');
    for (const s of aliceSessions) {
      await store().set(s, 'alice-session', { ttlMs: 60_000 });
      await store().addToIndex(alice, s, 60_000);
    }
    await store().set(bobSession, 'bob-session', { ttlMs: 60_000 });
    await store().addToIndex(bob, bobSession, 60_000);

    expect((await store().listIndex(alice)).sort()).toEqual([...aliceSessions].sort());

    await store().removeFromIndex(alice, aliceSessions[2]!);
    expect((await store().listIndex(alice)).sort()).toEqual(aliceSessions.slice(0, 2).sort());

    await store().delete(aliceSessions[1]!);
    expect(await store().deleteIndexAndMembers(alice)).toBe(1);
    expect(await store().get(aliceSessions[0]!)).toBeNull();
    expect(await store().listIndex(alice)).toEqual([]);
    // Removed from the index, so "log out everywhere" no longer reaches it.
    expect(await store().get(aliceSessions[2]!)).toBe('alice-session');
    expect(await store().get(bobSession)).toBe('bob-session');
    expect(await store().listIndex(bob)).toEqual([bobSession]);
  });

  it('never lets an index expire before the longest-lived key it lists', async () => {
    const index = key('user_sessions:carol');
    await store().addToIndex(index, 'long', 60_000);
    await store().addToIndex(index, 'short', 200);
    const left = await store().timeToLive(index);
    expect(left!).toBeGreaterThan(50_000);
    await sleep(300);
    expect((await store().listIndex(index)).sort()).toEqual(['long', 'short']);
  });

  it('expires an index whose TTL has passed', async () => {
    const index = key('user_sessions:dave');
    await store().addToIndex(index, 'member', 200);
    await sleep(350);
    expect(await store().listIndex(index)).toEqual([]);
  });

  it('returns 0 when deleting an index that does not exist', async () => {
    expect(await store().deleteIndexAndMembers(key('nobody'))).toBe(0);
  });

  it('counts within a fixed window that starts at the first increment', async () => {
    const k = key('rate');
    expect(await store().increment(k, 300)).toBe(1);
    expect(await store().increment(k, 300)).toBe(2);
    await sleep(150);
    // A later increment must not push the window out, or a steady attacker is never reset.
    expect(await store().increment(k, 300)).toBe(3);
    await sleep(250);
    expect(await store().increment(k, 300)).toBe(1);
  });

  it('hands 20 concurrent increments 20 distinct counts', async () => {
    const k = key('rate-concurrent');
    const counts = await Promise.all(Array.from({ length: 20 }, () => store().increment(k, 60_000)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('appends to a log and reads back only what came after a given id, in order', async () => {
    const log = key('events');
    expect(await store().readLog(log, null, 10)).toEqual({ entries: [], lastId: '0-0' });
    const ids = await store().appendToLog(log, ['{"n":1}', '{"n":2}', '42'], 100);
    expect(ids).toHaveLength(3);
    const start = await store().readLog(log, null, 10);
    expect(start).toEqual({ entries: [], lastId: ids[2] });
    const all = await store().readLog(log, '0-0', 10);
    expect(all.entries).toEqual([
      { id: ids[0], value: '{"n":1}' },
      { id: ids[1], value: '{"n":2}' },
      { id: ids[2], value: '42' },
    ]);
    const more = await store().appendToLog(log, ['{"n":4}'], 100);
    const after = await store().readLog(log, all.lastId, 10);
    expect(after).toEqual({ entries: [{ id: more[0], value: '{"n":4}' }], lastId: more[0] });
    expect(await store().readLog(log, after.lastId, 10)).toEqual({ entries: [], lastId: after.lastId });
    const limited = await store().readLog(log, '0-0', 2);
    expect(limited.entries.map((e) => e.value)).toEqual(['{"n":1}', '{"n":2}']);
    expect(limited.lastId).toBe(ids[1]);
  });

  it('keeps a log capped near its maximum length', async () => {
    const log = key('capped');
    for (let i = 0; i < 30; i += 1)
      await store().appendToLog(
        log,
        Array.from({ length: 100 }, (_, j) => `${i}-${j}`),
        200,
      );
    const { entries } = await store().readLog(log, '0-0', 10_000);
    // Redis trims approximately ("MAXLEN ~"), in whole nodes: bounded, and the newest are kept.
    expect(entries.length).toBeGreaterThanOrEqual(200);
    expect(entries.length).toBeLessThan(600);
    expect(entries.at(-1)!.value).toBe('29-99');
  });

  it('answers a ping', async () => {
    await expect(store().ping()).resolves.toBeUndefined();
  });
});

describe('upstash driver', () => {
  it('really goes over HTTP to the REST endpoint', async () => {
    const before = proxy.requestCount();
    await stores.upstash!.set(`test:${randomUUID()}`, 'v');
    expect(proxy.requestCount()).toBeGreaterThan(before);
  });

  it('writes to the same Redis the redis driver reads', async () => {
    const k = `test:${randomUUID()}:shared`;
    await stores.upstash!.set(k, '{"written":"over REST"}');
    expect(await stores.redis!.get(k)).toBe('{"written":"over REST"}');
  });
});
