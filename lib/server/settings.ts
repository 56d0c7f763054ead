import 'server-only';
import { DEFAULT_SETTINGS, readSettings, writeSettings, type RuntimeSettings, type StoredSettings } from '@/lib/settings/settings';
import { getConfig } from './config';
import { onSharedEvent } from './events';
import { getStore, setSimulatedStoreLatency } from './store';

/**
 * Reading the shared settings on the JWT hot path would add the very store lookup that path exists
 * to avoid, so each process serves a cached copy. It learns of a change from the
 * `settings_changed` event in the shared event log (within about 1 s, see IDLE_EVENT_POLL_INTERVAL_MS),
 * at once after its own writes, and, as a fallback should an event be lost, by re-reading every
 * SETTINGS_REFRESH_INTERVAL_MS.
 */
export const SETTINGS_REFRESH_INTERVAL_MS = 5000;

interface SettingsCache {
  current: StoredSettings;
  /** When this instance last loaded a new version: the dashboard shows how fast a change arrived. */
  receivedAt: number;
  timer?: ReturnType<typeof setInterval>;
  loaded?: Promise<void>;
}

const globalForSettings = globalThis as typeof globalThis & { __sessionVsJwtSettings?: SettingsCache };

function defaults(): RuntimeSettings {
  return { ...DEFAULT_SETTINGS, accessTokenTtlSeconds: getConfig().accessTokenTtlSeconds };
}

function adopt(cache: SettingsCache, settings: StoredSettings): void {
  cache.current = settings;
  cache.receivedAt = Date.now();
  setSimulatedStoreLatency(settings.settings.storeLatencyMs);
}

async function refresh(cache: SettingsCache): Promise<void> {
  try {
    const latest = await readSettings(getStore(), defaults());
    if (latest.version !== cache.current.version) adopt(cache, latest);
  } catch {
    // Store down: keep serving the last known settings; the auth routes report the outage themselves.
  }
}

function cache(): SettingsCache {
  let existing = globalForSettings.__sessionVsJwtSettings;
  if (!existing) {
    existing = { current: { settings: defaults(), version: 0, updatedAt: 0 }, receivedAt: Date.now() };
    const created = existing;
    created.loaded = refresh(created);
    created.timer = setInterval(() => void refresh(created), SETTINGS_REFRESH_INTERVAL_MS);
    created.timer.unref?.();
    globalForSettings.__sessionVsJwtSettings = created;
    onSharedEvent('settings_changed', () => void refresh(created));
  }
  return existing;
}

/** The settings as this instance currently knows them, with no store lookup. */
export function getRuntimeSettings(): RuntimeSettings {
  return cache().current.settings;
}

/** Waits for the first load from the store (call once before serving a request that needs them). */
export async function settingsReady(): Promise<RuntimeSettings> {
  const c = cache();
  await c.loaded;
  return c.current.settings;
}

export function getSettingsState(): StoredSettings & { receivedAt: number } {
  const c = cache();
  return { ...c.current, receivedAt: c.receivedAt };
}

export async function updateRuntimeSettings(patch: Partial<RuntimeSettings>): Promise<StoredSettings> {
  const next = await writeSettings(getStore(), patch, Date.now(), defaults());
  adopt(cache(), next);
  return next;
}
