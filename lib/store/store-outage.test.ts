/**
 * What each networked driver does when its Redis goes away. The promise to the auth flows: a
 * typed StoreUnavailableError (`code: 'store_unavailable'`) within a bounded time, never a hang
 * and never a value that could be mistaken for "no session".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBlackHole } from '@/test-utils/black-hole';
import { findFreePort } from '@/test-utils/free-port';
import { startRedisServer } from '@/test-utils/redis-server';
import { startUpstashRestProxy } from '@/test-utils/upstash-rest-proxy';
import { createRedisStore } from './redis-store';
import type { Store } from './store';
import { StoreUnavailableError } from './store';
import { createUpstashStore } from './upstash-store';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => {});
});

/** Runs `work`, expects a store-unavailable rejection, and returns how long it took. */
async function expectUnavailable(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  const elapsed = performance.now() - started;
  expect(error).toBeInstanceOf(StoreUnavailableError);
  expect((error as StoreUnavailableError).code).toBe('store_unavailable');
  return elapsed;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('redis driver when Redis is unreachable', () => {
  it('fails fast with store_unavailable when Redis is killed mid-use, and recovers when it returns', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const store: Store = createRedisStore({ url: redis.url, commandTimeoutMs: 1000 });
    cleanups.push(() => store.close());

    await store.set('session:alive', 'yes');
    expect(await store.get('session:alive')).toBe('yes');

    await redis.kill();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await expectUnavailable(() => store.get('session:alive'))).toBeLessThan(1500);
    }
    expect(await expectUnavailable(() => store.getAndDelete('refresh:x'))).toBeLessThan(1500);

    const restarted = await startRedisServer({ port: redis.port });
    cleanups.push(() => restarted.stop());
    // The client reconnects on its own (backoff capped at 2 s); the data is gone with the old process.
    const deadline = Date.now() + 5000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      recovered = await store.ping().then(
        () => true,
        () => false,
      );
      if (!recovered) await sleep(100);
    }
    expect(recovered).toBe(true);
    expect(await store.get('session:alive')).toBeNull();
  });

  it('fails with store_unavailable when nothing listens on the port', async () => {
    const port = await findFreePort();
    const store = createRedisStore({ url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 1000 });
    cleanups.push(() => store.close());
    expect(await expectUnavailable(() => store.get('k'))).toBeLessThan(1500);
    expect(await expectUnavailable(() => store.ping())).toBeLessThan(1500);
  });

  it('times out with store_unavailable when the server accepts but never answers', async () => {
    const hole = await startBlackHole();
    cleanups.push(() => hole.close());
    const store = createRedisStore({ url: `redis://127.0.0.1:${hole.port}`, commandTimeoutMs: 500 });
    cleanups.push(() => store.close());
    const elapsed = await expectUnavailable(() => store.get('k'));
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('upstash driver when its endpoint or Redis is unreachable', () => {
  it('fails with store_unavailable when the REST endpoint is gone, within its retry budget', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const proxy = await startUpstashRestProxy({ redisUrl: redis.url });
    const store = createUpstashStore({ url: proxy.url, token: proxy.token, commandTimeoutMs: 1500 });
    await store.set('k', 'v');
    await proxy.close();
    // Two quick retries instead of the client's default five with backoff (about 4 s).
    expect(await expectUnavailable(() => store.get('k'))).toBeLessThan(1500);
  });

  it('fails with store_unavailable when Redis behind the endpoint is killed', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const proxy = await startUpstashRestProxy({ redisUrl: redis.url });
    cleanups.push(() => proxy.close());
    const store = createUpstashStore({ url: proxy.url, token: proxy.token, commandTimeoutMs: 1500 });
    await store.set('k', 'v');
    await redis.kill();
    expect(await expectUnavailable(() => store.get('k'))).toBeLessThan(1500);
  });

  it('times out with store_unavailable when the endpoint accepts but never answers', async () => {
    const hole = await startBlackHole();
    cleanups.push(() => hole.close());
    const store = createUpstashStore({ url: `http://127.0.0.1:${hole.port}`, token: 't', commandTimeoutMs: 500 });
    const elapsed = await expectUnavailable(() => store.get('k'));
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1500);
  });

  it('fails closed with store_unavailable on a rejected token', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const proxy = await startUpstashRestProxy({ redisUrl: redis.url });
    cleanups.push(() => proxy.close());
    const store = createUpstashStore({ url: proxy.url, token: 'not-the-token' });
    await expectUnavailable(() => store.get('k'));
  });
});
