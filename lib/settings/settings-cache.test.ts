import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { DEFAULT_SETTINGS, writeSettings } from './settings';
import { createSettingsCache } from './settings-cache';

function setup() {
  const clock = { now: 5_000 };
  const store = createMemoryStore({ now: () => clock.now });
  const changes: number[] = [];
  const make = () =>
    createSettingsCache({
      store,
      defaults: DEFAULT_SETTINGS,
      now: () => clock.now,
      onChange: (s) => changes.push(s.storeLatencyMs),
      every: () => () => {},
    });
  return { clock, store, changes, make };
}

describe('settings cache', () => {
  it('serves the defaults at once and the stored settings after the first read', async () => {
    const { store, make } = setup();
    await writeSettings(store, { accessTokenTtlSeconds: 30 }, 1_000);
    const cache = make();
    expect(cache.current()).toEqual(DEFAULT_SETTINGS);
    expect(await cache.ready()).toEqual({ ...DEFAULT_SETTINGS, accessTokenTtlSeconds: 30 });
    expect(cache.state()).toMatchObject({ version: 1, updatedAt: 1_000, receivedAt: 5_000 });
  });

  it('serves its own update at once and tells the latency wrapper', async () => {
    const { clock, make, changes } = setup();
    const cache = make();
    await cache.ready();
    clock.now = 9_000;
    await cache.update({ storeLatencyMs: 20 }, clock.now);
    expect(cache.current().storeLatencyMs).toBe(20);
    expect(cache.state()).toMatchObject({ version: 1, receivedAt: 9_000 });
    expect(changes).toEqual([20]);
  });

  it("picks up another instance's change on reload", async () => {
    const { store, make } = setup();
    const here = make();
    const there = make();
    await Promise.all([here.ready(), there.ready()]);
    await there.update({ denylist: true }, 6_000);
    expect(here.current().denylist).toBe(false);
    here.reload();
    await expect.poll(() => here.current().denylist).toBe(true);
    expect(await store.get('settings:runtime')).toContain('"denylist":true');
  });

  it('keeps the defaults when the store is down at start', async () => {
    const { store, make } = setup();
    store.get = () => Promise.reject(new Error('down'));
    const cache = make();
    expect(await cache.ready()).toEqual(DEFAULT_SETTINGS);
  });
});
