/**
 * Runtime demo settings that a presenter can change during a talk (through the admin console):
 * they live in the store so every app instance sees the same values. Pure: the store and the
 * clock are parameters.
 */
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

export const SETTINGS_BOUNDS = {
  accessTokenTtlSeconds: { min: 5, max: 3600 },
  refreshGraceSeconds: { min: 0, max: 60 },
  storeLatencyMs: { min: 0, max: 2000 },
} as const;

export const DEFAULT_SETTINGS: RuntimeSettings = {
  accessTokenTtlSeconds: 15 * 60,
  denylist: false,
  refreshGraceSeconds: 10,
  storeLatencyMs: 0,
};

export const SETTINGS_KEY = 'settings:runtime';

export interface StoredSettings {
  settings: RuntimeSettings;
  /** Increases with every change, so an instance can tell whether its cached copy is current. */
  version: number;
  updatedAt: number;
}

export type SettingsPatchResult = { ok: true; patch: Partial<RuntimeSettings> } | { ok: false; message: string };

function checkInteger(name: keyof typeof SETTINGS_BOUNDS, value: unknown): string | null {
  const { min, max } = SETTINGS_BOUNDS[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) return `"${name}" must be an integer`;
  if (value < min || value > max) return `"${name}" must be between ${min} and ${max}`;
  return null;
}

/** Validates a partial update; unknown fields and wrong types are refused, nothing is coerced. */
export function validateSettingsPatch(value: unknown): SettingsPatchResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Expected a JSON object with any of: accessTokenTtlSeconds, denylist, refreshGraceSeconds, storeLatencyMs.' };
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

/** Applies a validated patch and stores the result with the next version number. */
export async function writeSettings(store: Store, patch: Partial<RuntimeSettings>, now: number, defaults: RuntimeSettings = DEFAULT_SETTINGS): Promise<StoredSettings> {
  const current = await readSettings(store, defaults);
  const next: StoredSettings = { settings: { ...current.settings, ...patch }, version: current.version + 1, updatedAt: now };
  await store.set(SETTINGS_KEY, JSON.stringify(next));
  return next;
}
