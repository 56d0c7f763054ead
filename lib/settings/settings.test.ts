import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { pauseStoreCall } from '@/test-utils/pausing-store';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, validateSettingsPatch, writeSettings } from './settings';

describe('validateSettingsPatch', () => {
  it('accepts in-range values of the right type', () => {
    expect(validateSettingsPatch({ accessTokenTtlSeconds: 5, denylist: true, refreshGraceSeconds: 0, storeLatencyMs: 50 })).toEqual({
      ok: true,
      patch: { accessTokenTtlSeconds: 5, denylist: true, refreshGraceSeconds: 0, storeLatencyMs: 50 },
    });
  });

  it.each([
    [{ accessTokenTtlSeconds: 4 }, 'between 5 and 3600'],
    [{ accessTokenTtlSeconds: 3601 }, 'between'],
    [{ accessTokenTtlSeconds: '60' }, 'integer'],
    [{ accessTokenTtlSeconds: 10.5 }, 'integer'],
    [{ denylist: 'true' }, 'true or false'],
    [{ storeLatencyMs: -1 }, 'between'],
    [{ sneaky: 1 }, 'Unknown setting'],
    [{}, 'Nothing to change'],
    [[], 'JSON object'],
    [null, 'JSON object'],
  ])('refuses %j', (value, fragment) => {
    const result = validateSettingsPatch(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });
});

describe('readSettings / writeSettings', () => {
  it('starts from the defaults and versions every change', async () => {
    const store = createMemoryStore();
    expect(await readSettings(store)).toEqual({ settings: DEFAULT_SETTINGS, version: 0, updatedAt: 0 });
    const first = await writeSettings(store, { accessTokenTtlSeconds: 10 }, 1000);
    expect(first).toEqual({ settings: { ...DEFAULT_SETTINGS, accessTokenTtlSeconds: 10 }, version: 1, updatedAt: 1000 });
    const second = await writeSettings(store, { denylist: true }, 2000);
    expect(second.settings).toMatchObject({ accessTokenTtlSeconds: 10, denylist: true });
    expect(second.version).toBe(2);
    expect(await readSettings(store)).toEqual(second);
  });

  it('falls back to the defaults when the stored record is corrupt or out of range', async () => {
    const store = createMemoryStore();
    await store.set(SETTINGS_KEY, '{"settings":{"accessTokenTtlSeconds":1},"version":3,"updatedAt":1}');
    expect((await readSettings(store)).settings).toEqual(DEFAULT_SETTINGS);
    await store.set(SETTINGS_KEY, 'not json');
    expect((await readSettings(store)).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('concurrent settings writes', () => {
  it('gives every version exactly one content when two writers race', async () => {
    const store = createMemoryStore();
    // Hold the first writer between its read and its write, as a slow instance would.
    const paused = pauseStoreCall(store, 'set', (key) => key === SETTINGS_KEY);
    const first = writeSettings(paused.store, { denylist: true }, 1000);
    await paused.reached;
    const second = writeSettings(store, { accessTokenTtlSeconds: 60 }, 1001);
    setTimeout(paused.release, 20);
    const [a, b] = await Promise.all([first, second]);
    expect(new Set([a.version, b.version]).size).toBe(2);
    // The later version holds both changes: instances that adopt it converge on one content.
    const stored = await readSettings(store);
    expect(stored.version).toBe(Math.max(a.version, b.version));
    expect(stored.settings).toMatchObject({ denylist: true, accessTokenTtlSeconds: 60 });
  });
});
