import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import { createVersionedCache } from './versioned-cache';

interface Record {
  version: number;
  text: string;
}

async function setup(options: { initial?: boolean } = {}) {
  const clock = { now: 1_000 };
  const store = createMemoryStore({ now: () => clock.now });
  await store.set('record', JSON.stringify({ version: 1, text: 'one' }));
  const builds: number[] = [];
  const ticks: (() => void)[] = [];
  const cache = createVersionedCache<Record, string>({
    read: async (s: Store) => JSON.parse((await s.get('record')) ?? '{"version":0,"text":"none"}') as Record,
    versionOf: (raw) => raw.version,
    build: (raw) => {
      builds.push(raw.version);
      return raw.text.toUpperCase();
    },
    store,
    now: () => clock.now,
    refreshIntervalMs: 5_000,
    ...(options.initial ? { initial: { raw: { version: 0, text: 'default' }, value: 'DEFAULT' } } : {}),
    every: (_ms, run) => {
      ticks.push(run);
      return () => ticks.splice(0);
    },
  });
  const tick = async () => {
    for (const run of ticks) run();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, store, cache, builds, ticks, tick };
}

describe('versioned cache', () => {
  it('loads once through the store it is given, then serves from memory with no store call', async () => {
    const { store, cache } = await setup();
    const calls = new StoreCallLog();
    expect(cache.peek()).toBeUndefined();
    expect(await cache.get(timeStore(store, calls.record))).toBe('ONE');
    expect(calls.calls).toHaveLength(1);
    expect(await cache.get(timeStore(store, calls.record))).toBe('ONE');
    expect(calls.calls).toHaveLength(1);
  });

  it('rebuilds only when the version changed, and records when it adopted a version', async () => {
    const { clock, store, cache, builds } = await setup();
    await cache.get();
    clock.now = 2_000;
    await cache.reload();
    expect(builds).toEqual([1]);
    expect(cache.state()).toEqual({ version: 1, receivedAt: 1_000 });
    await store.set('record', JSON.stringify({ version: 2, text: 'two' }));
    clock.now = 3_000;
    expect(await cache.reload()).toBe('TWO');
    expect(builds).toEqual([1, 2]);
    expect(cache.state()).toEqual({ version: 2, receivedAt: 3_000 });
  });

  it('runs one read at a time: callers arriving during a read share one more read queued after it', async () => {
    const { store, cache } = await setup();
    const calls = new StoreCallLog();
    const timed = timeStore(store, calls.record);
    // The first load is joined; the reloads may have heard of a change the read in flight missed.
    await Promise.all([cache.reload(timed), cache.get(timed), cache.reload(timed), cache.reload(timed)]);
    expect(calls.calls).toHaveLength(2);
  });

  it('serves its own write at once, without reading it back', async () => {
    const { cache } = await setup();
    await cache.get();
    expect(await cache.adopt({ version: 7, text: 'mine' })).toBe('MINE');
    expect(cache.peek()).toBe('MINE');
  });

  it('serves the initial value until the first read, then refreshes in the background on its timer', async () => {
    const { store, cache, tick, ticks } = await setup({ initial: true });
    expect(cache.peek()).toBe('DEFAULT');
    expect(ticks).toHaveLength(1);
    await tick();
    expect(cache.peek()).toBe('ONE');
    await store.set('record', JSON.stringify({ version: 3, text: 'three' }));
    await tick();
    expect(cache.peek()).toBe('THREE');
    cache.stop();
    expect(ticks).toHaveLength(0);
  });

  it('keeps serving the last good copy when a background read fails, and lets a first load fail loudly', async () => {
    const { store, cache, tick } = await setup();
    await cache.get();
    store.get = () => Promise.reject(new Error('store down'));
    await tick();
    expect(cache.peek()).toBe('ONE');
    const { store: other, cache: cold } = await setup();
    other.get = () => Promise.reject(new Error('store down'));
    await expect(cold.get()).rejects.toThrow('store down');
  });
});

describe('versioned cache: a late read never goes back', () => {
  /** The memory store, with the next `get` held until the test lets it go. */
  async function setupWithHeldRead() {
    const context = await setup();
    const { store } = context;
    const realGet = store.get.bind(store);
    let release: (() => void) | undefined;
    const held: Store = {
      ...store,
      get: async (key) => {
        const value = await realGet(key);
        await new Promise<void>((resolve) => (release = resolve));
        return value;
      },
    };
    return { ...context, held, release: () => release?.() };
  }

  it('drops a read that began before its own write and finished after it', async () => {
    const { cache, store, held, release } = await setupWithHeldRead();
    await cache.get();
    const late = cache.reload(held); // reads version 1, then stalls
    await new Promise((resolve) => setImmediate(resolve));
    await store.set('record', JSON.stringify({ version: 2, text: 'two' }));
    await cache.adopt({ version: 2, text: 'two' });
    release();
    expect(await late).toBe('TWO');
    expect(cache.peek()).toBe('TWO');
    expect(cache.state()?.version).toBe(2);
  });

  it('still follows the store when a read that began later finds it reset to a lower version', async () => {
    const { cache, store } = await setup();
    await cache.adopt({ version: 5, text: 'five' });
    await store.set('record', JSON.stringify({ version: 1, text: 'after a reset' }));
    expect(await cache.reload()).toBe('AFTER A RESET');
  });

  it('queues a reload asked for during a stale read, so the change it heard about is read', async () => {
    const { cache, store, held, release } = await setupWithHeldRead();
    await cache.get();
    const stale = cache.reload(held);
    await new Promise((resolve) => setImmediate(resolve));
    await store.set('record', JSON.stringify({ version: 2, text: 'two' }));
    const told = cache.reload(store);
    release();
    expect(await stale).toBe('ONE');
    expect(await told).toBe('TWO');
  });
});
