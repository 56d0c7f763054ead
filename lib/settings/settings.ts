/**
 * Runtime demo settings that a presenter can change during a talk (through the admin console):
 * they live in the store so every app instance sees the same values. Pure: the store and the
 * clock are parameters.
 */
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_GRACE_SECONDS, STORE_LATENCY_MS } from '@/lib/policy';
import type { Store } from '@/lib/store/store';

export interface RuntimeSettings {
  /** Lifetime of newly issued access tokens. Default 15 min; 5 s makes expiry visible on stage. */
  accessTokenTtlSeconds: number;
  /** When on, /api/jwt/me also checks the store for revocation: state is back, and so is a lookup. */
  denylist: boolean;
  /** How long a just-rotated refresh token is tolerated as a concurrent duplicate (two tabs). */
  refreshGraceSeconds: number;
  /** Simulated network delay added to every store call (0 = none). Clearly labelled in the UI. */
  storeLatencyMs: number;
}

/** The numeric settings and where their defaults and bounds are declared. */
const NUMERIC_SETTINGS = {
  accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
  refreshGraceSeconds: REFRESH_GRACE_SECONDS,
  storeLatencyMs: STORE_LATENCY_MS,
} as const;

type NumericSetting = keyof typeof NUMERIC_SETTINGS;

/** The range each numeric setting may take (sent to the admin UI with the settings). */
export const SETTINGS_BOUNDS: Record<NumericSetting, { min: number; max: number }> = {
  accessTokenTtlSeconds: { min: ACCESS_TOKEN_TTL_SECONDS.min, max: ACCESS_TOKEN_TTL_SECONDS.max },
  refreshGraceSeconds: { min: REFRESH_GRACE_SECONDS.min, max: REFRESH_GRACE_SECONDS.max },
  storeLatencyMs: { min: STORE_LATENCY_MS.min, max: STORE_LATENCY_MS.max },
};

export const DEFAULT_SETTINGS: RuntimeSettings = {
  accessTokenTtlSeconds: NUMERIC_SETTINGS.accessTokenTtlSeconds.defaultValue,
  denylist: false,
  refreshGraceSeconds: NUMERIC_SETTINGS.refreshGraceSeconds.defaultValue,
  storeLatencyMs: NUMERIC_SETTINGS.storeLatencyMs.defaultValue,
};

export const SETTINGS_KEY = 'settings:runtime';

export interface StoredSettings {
  settings: RuntimeSettings;
  /** Increases with every change, so an instance can tell whether its cached copy is current. */
  version: number;
  updatedAt: number;
}

export type SettingsPatchResult = { ok: true; patch: Partial<RuntimeSettings> } | { ok: false; message: string };

function checkInteger(name: NumericSetting, value: unknown): string | null {
  const { min, max } = SETTINGS_BOUNDS[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) return `"${name}" must be an integer`;
  if (value < min || value > max) return `"${name}" must be between ${min} and ${max}`;
  return null;
}

/** Validates a partial update; unknown fields and wrong types are refused, nothing is coerced. */
export function validateSettingsPatch(value: unknown): SettingsPatchResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'Expected a JSON object with any of: accessTokenTtlSeconds, denylist, refreshGraceSeconds, storeLatencyMs.',
    };
  }
  const patch: Partial<RuntimeSettings> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (name === 'denylist') {
      if (typeof field !== 'boolean') return { ok: false, message: '"denylist" must be true or false' };
      patch.denylist = field;
    } else if (name === 'accessTokenTtlSeconds' || name === 'refreshGraceSeconds' || name === 'storeLatencyMs') {
      const problem = checkInteger(name, field);
      if (problem) return { ok: false, message: problem };
      patch[name] = field as number;
    } else {
      return { ok: false, message: `Unknown setting "${name}"` };
    }
  }
  if (Object.keys(patch).length === 0) return { ok: false, message: 'Nothing to change: give at least one setting.' };
  return { ok: true, patch };
}

/** Reads the shared settings; a missing or unreadable record means the defaults (version 0). */
export async function readSettings(store: Store, defaults: RuntimeSettings = DEFAULT_SETTINGS): Promise<StoredSettings> {
  const raw = await store.get(SETTINGS_KEY);
  if (raw === null) return { settings: defaults, version: 0, updatedAt: 0 };
  try {
    const parsed = JSON.parse(raw) as Partial<StoredSettings>;
    const check = validateSettingsPatch(parsed.settings);
    if (!check.ok || typeof parsed.version !== 'number' || typeof parsed.updatedAt !== 'number') throw new Error('bad record');
    return { settings: { ...defaults, ...check.patch }, version: parsed.version, updatedAt: parsed.updatedAt };
  } catch {
    return { settings: defaults, version: 0, updatedAt: 0 };
  }
}

/**
 * Held while one writer reads, patches and writes the settings. Without it two admins (or two
 * instances) writing at once both read version n and both write version n + 1 with different
 * content: instances that adopted either copy would never reconcile, since each thinks it is
 * current. The lock expires on its own, so a writer that dies holding it blocks the others for
 * at most this long.
 */
const SETTINGS_LOCK_KEY = 'settings:runtime:lock';
const SETTINGS_LOCK_TTL_MS = 5_000;
const SETTINGS_LOCK_RETRY_MS = 25;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Applies a validated patch and stores the result with the next version number, under the
 * settings lock: every version number has exactly one content. A writer that finds the lock
 * taken waits for it (a settings change takes one round trip or two; the lock's TTL bounds the wait).
 */
export async function writeSettings(
  store: Store,
  patch: Partial<RuntimeSettings>,
  now: number,
  defaults: RuntimeSettings = DEFAULT_SETTINGS,
  wait: (ms: number) => Promise<void> = pause,
): Promise<StoredSettings> {
  const lockToken = `${now}:${Math.random().toString(36).slice(2)}`;
  for (let waited = 0; !(await store.set(SETTINGS_LOCK_KEY, lockToken, { onlyIfAbsent: true, ttlMs: SETTINGS_LOCK_TTL_MS }));) {
    if (waited > SETTINGS_LOCK_TTL_MS * 2) throw new Error(`${SETTINGS_LOCK_KEY} stayed taken for ${waited} ms`);
    await wait(SETTINGS_LOCK_RETRY_MS);
    waited += SETTINGS_LOCK_RETRY_MS;
  }
  try {
    const current = await readSettings(store, defaults);
    const next: StoredSettings = { settings: { ...current.settings, ...patch }, version: current.version + 1, updatedAt: now };
    await store.set(SETTINGS_KEY, JSON.stringify(next));
    return next;
  } finally {
    // Only our own lock: if it expired and another writer holds it now, it is theirs to release.
    if ((await store.get(SETTINGS_LOCK_KEY)) === lockToken) await store.delete(SETTINGS_LOCK_KEY);
  }
}
