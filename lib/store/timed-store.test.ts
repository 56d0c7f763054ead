import { describe, expect, it } from 'vitest';
import { checkStoreHealth } from './health';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { Store } from './store';
import { StoreCallLog, timeStore } from './timed-store';
import { findFreePort } from '@/test-utils/free-port';

/** A store whose every call takes a known time, to check that the measurement includes it. */
function slowStore(inner: Store, delayMs: number): Store {
  const slowed = { ...inner };
  slowed.get = async (key) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return inner.get(key);
  };
  return slowed;
}

describe('timeStore', () => {
  it('records every call with its operation, outcome and whether it read state', async () => {
    const log = new StoreCallLog();
    const store = timeStore(createMemoryStore(), log.record);
    await store.set('a', '1');
    await store.get('a');
    await store.getAndDelete('a');
    expect(log.calls.map((c) => [c.operation, c.ok, c.read])).toEqual([
      ['set', true, false],
      ['get', true, true],
      ['getAndDelete', true, true],
    ]);
    expect(log.reads).toBe(2);
  });

  it('measures the real duration of a call', async () => {
    const log = new StoreCallLog();
    const store = timeStore(slowStore(createMemoryStore(), 40), log.record);
    await store.get('missing');
    expect(log.calls[0]!.durationMs).toBeGreaterThanOrEqual(38);
    expect(log.totalMs).toBe(log.calls[0]!.durationMs);
  });

  it('records failed calls too, and still rethrows the error', async () => {
    const log = new StoreCallLog();
    const port = await findFreePort();
    const redis = createRedisStore({ url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 300 });
    const store = timeStore(redis, log.record);
    await expect(store.get('k')).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(log.calls).toHaveLength(1);
    expect(log.calls[0]).toMatchObject({ operation: 'get', ok: false, read: true });
    await redis.close();
  });

  it('keeps the driver name of the wrapped store', () => {
    expect(timeStore(createMemoryStore(), () => {}).driver).toBe('memory');
  });
});

describe('checkStoreHealth', () => {
  it('reports ok with a round trip for a store that answers', async () => {
    const health = await checkStoreHealth(createMemoryStore());
    expect(health).toMatchObject({ driver: 'memory', ok: true, singleInstanceOnly: true });
    expect(health.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('reports not ok, without throwing, for a store that does not answer', async () => {
    const port = await findFreePort();
    const redis = createRedisStore({ url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 300 });
    expect(await checkStoreHealth(redis)).toEqual({ driver: 'redis', ok: false, roundTripMs: null, singleInstanceOnly: false });
    await redis.close();
  });
});
