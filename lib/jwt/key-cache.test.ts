import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import { createKeyCache, UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS } from './key-cache';
import { FIXED_NOW, TEST_SEAL } from './test-keys';

function setup() {
  const store = createMemoryStore({ now: () => FIXED_NOW });
  const make = () => createKeyCache({ store, configuredKeys: null, seal: TEST_SEAL, now: () => FIXED_NOW, every: () => () => {} });
  return { store, make };
}

describe('key cache', () => {
  it('loads the keys once, through the store it is first given, then signs and verifies from memory', async () => {
    const { store, make } = setup();
    const cache = make();
    const calls = new StoreCallLog();
    const first = await cache.get(timeStore(store, calls.record));
    expect(calls.calls.length).toBeGreaterThan(0);
    const before = calls.calls.length;
    expect(await cache.get(timeStore(store, calls.record))).toBe(first);
    expect(calls.calls).toHaveLength(before);
  });

  it('serves its own rotation at once; another instance sees it on reload', async () => {
    const { store, make } = setup();
    const here = make();
    const there = make();
    const original = (await here.get(store)).ring.signingKey.kid;
    expect((await there.get(store)).ring.signingKey.kid).toBe(original);
    const rotated = await here.rotate(FIXED_NOW + 1000);
    expect(rotated.ok).toBe(true);
    const newKid = (await here.get(store)).ring.signingKey.kid;
    expect(newKid).not.toBe(original);
    expect((await there.get(store)).ring.signingKey.kid).toBe(original);
    there.reload();
    await expect.poll(async () => (await there.get(store)).ring.signingKey.kid).toBe(newKid);
    // The previous key still verifies on both.
    expect((await there.get(store)).ring.verificationKeys.has(original)).toBe(true);
  });

  it('reloads for an unknown kid at most once per interval', async () => {
    const { store, make } = setup();
    const cache = make();
    await cache.get(store);
    expect(await cache.reloadForUnknownKid(store, FIXED_NOW)).not.toBeNull();
    expect(await cache.reloadForUnknownKid(store, FIXED_NOW + UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS - 1)).toBeNull();
    expect(await cache.reloadForUnknownKid(store, FIXED_NOW + UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS)).not.toBeNull();
  });

  it('refuses to rotate or retire keys that come from configuration, and never touches the store for them', async () => {
    const { store } = setup();
    const calls = new StoreCallLog();
    const made = createKeyCache({
      store: timeStore(store, calls.record),
      configuredKeys: null,
      seal: TEST_SEAL,
      now: () => FIXED_NOW,
      every: () => () => {},
    });
    const privateJwk = (await made.get(timeStore(store, calls.record))).keySet.keys[0]!.privateJwk!;
    const configured = createKeyCache({
      store: timeStore(store, calls.record),
      configuredKeys: [{ ...privateJwk, kid: 'cfg-1' }],
      seal: null,
      now: () => FIXED_NOW,
    });
    calls.calls.length = 0;
    expect((await configured.get(timeStore(store, calls.record))).ring.signingKey.kid).toBe('cfg-1');
    expect(await configured.rotate(FIXED_NOW)).toMatchObject({ ok: false, code: 'busy' });
    expect(await configured.retire('cfg-1', FIXED_NOW)).toMatchObject({ ok: false, code: 'busy' });
    expect(calls.calls).toEqual([]);
  });

  it('never brings back a key it just retired when a background reload that began earlier finishes late', async () => {
    const memory = createMemoryStore({ now: () => FIXED_NOW });
    // The real memory store; while `hold` is on, each read stalls after reading until released.
    let hold = false;
    const releases: (() => void)[] = [];
    const store: Store = {
      ...memory,
      get: async (key) => {
        const value = await memory.get(key);
        if (hold) await new Promise<void>((resolve) => releases.push(resolve));
        return value;
      },
    };
    const ticks: (() => void)[] = [];
    const cache = createKeyCache({
      store,
      configuredKeys: null,
      seal: TEST_SEAL,
      now: () => FIXED_NOW,
      every: (_ms, run) => {
        ticks.push(run);
        return () => {};
      },
    });
    const retiring = (await cache.get(store)).ring.signingKey.kid;
    expect((await cache.rotate(FIXED_NOW)).ok).toBe(true);
    expect((await cache.get(store)).ring.verificationKeys.has(retiring)).toBe(true);

    hold = true;
    for (const run of ticks) run(); // the background re-read: reads the set with `retiring` still previous, stalls
    await new Promise((resolve) => setImmediate(resolve));
    expect(releases).toHaveLength(1);
    hold = false;
    expect((await cache.retire(retiring, FIXED_NOW)).ok).toBe(true);
    expect((await cache.get(store)).ring.verificationKeys.has(retiring)).toBe(false);

    releases.shift()!(); // the stale read finishes now
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.get(store)).ring.verificationKeys.has(retiring)).toBe(false);
    expect((await cache.get(store)).keySet.keys.find((key) => key.kid === retiring)?.status).toBe('retired');
  });
});
