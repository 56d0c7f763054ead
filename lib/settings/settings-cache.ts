/**
 * This process's copy of the shared runtime settings. The JWT hot path reads them on every
 * request and must not pay a store lookup for it, so they are served from memory (see
 * lib/cache/versioned-cache.ts for how a change on another instance arrives).
 */
import { createVersionedCache } from '@/lib/cache/versioned-cache';
import type { Store } from '@/lib/store/store';
import { readSettings, writeSettings, type RuntimeSettings, type StoredSettings } from './settings';

/** Fallback re-read interval, should a `settings_changed` event be lost. */
const SETTINGS_REFRESH_INTERVAL_MS = 5000;

export interface SettingsCache {
  /** The settings as this instance currently knows them, with no store lookup. */
  current(): RuntimeSettings;
  /** The version served and when this instance adopted it: the dashboard shows how fast a change arrived. */
  state(): StoredSettings & { receivedAt: number };
  /** Waits for the first read from the store (the defaults are served until then). */
  ready(): Promise<RuntimeSettings>;
  /** Writes a change to the store and serves it here at once. */
  update(patch: Partial<RuntimeSettings>, now: number): Promise<StoredSettings>;
  /** Re-reads now (another instance announced a change). */
  reload(): void;
  stop(): void;
}

export function createSettingsCache(options: {
  store: Store;
  defaults: RuntimeSettings;
  now: () => number;
  onChange?(settings: RuntimeSettings): void;
  every?(ms: number, run: () => void): () => void;
}): SettingsCache {
  const initial: StoredSettings = { settings: options.defaults, version: 0, updatedAt: 0 };
  const cache = createVersionedCache<StoredSettings, StoredSettings>({
    read: (store) => readSettings(store, options.defaults),
    versionOf: (stored) => stored.version,
    build: (stored) => stored,
    store: options.store,
    now: options.now,
    refreshIntervalMs: SETTINGS_REFRESH_INTERVAL_MS,
    initial: { raw: initial, value: initial },
    onAdopt: (stored) => options.onChange?.(stored.settings),
    ...(options.every ? { every: options.every } : {}),
  });
  // Store down at start: keep serving the defaults; the auth routes report the outage themselves.
  const firstRead = cache.reload().catch(() => initial);
  const served = () => cache.peek() ?? initial;
  return {
    current: () => served().settings,
    state: () => ({ ...served(), receivedAt: cache.state()?.receivedAt ?? 0 }),
    ready: async () => {
      await firstRead;
      return served().settings;
    },
    update: async (patch, now) => await cache.adopt(await writeSettings(options.store, patch, now, options.defaults)),
    reload: () => void cache.reload().catch(() => {}),
    stop: () => cache.stop(),
  };
}
