import 'server-only';
import { DEFAULT_SETTINGS, readSettings, writeSettings, type RuntimeSettings, type StoredSettings } from '@/lib/settings/settings';
import { getConfig } from './config';
import { getStore } from './store';

/**
 * How often an instance re-reads the shared settings in the background. Reading them on the JWT
 * hot path would add the very store lookup that path exists to avoid, so each process serves a
 * cached copy and refreshes it on this interval (and at once after its own writes).
 */
export const SETTINGS_REFRESH_INTERVAL_MS = 1000;

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

async function refresh(cache: SettingsCache): Promise<void> {
  try {
    const latest = await readSettings(getStore(), defaults());
    if (latest.version !== cache.current.version) {
      cache.current = latest;
      cache.receivedAt = Date.now();
    }
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
  const c = cache();
  c.current = next;
  c.receivedAt = Date.now();
  return next;
}
