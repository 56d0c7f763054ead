/**
 * This process's imported signing keys. Reading them per request would put a store lookup on the
 * hot path the JWT strategy exists to keep free of one, so they are cached (see
 * lib/cache/versioned-cache.ts): a rotation or retirement on another instance arrives with its
 * event within about a second, and by the background re-read within SIGNING_KEYS_REFRESH_INTERVAL_MS
 * should the event be lost. The instance that makes the change serves it at once, and a background
 * read that began before that change and finishes after it is dropped (versioned-cache.ts), so a
 * key just retired never comes back, not even for seconds.
 */
import { createVersionedCache } from '@/lib/cache/versioned-cache';
import type { Store } from '@/lib/store/store';
import { createKeyRing, type KeyRing } from './key-ring';
import type { PrivateKeySeal } from './private-key-seal';
import {
  loadSigningKeys,
  SigningKeyUnreadableError,
  retireSigningKey,
  rotateSigningKey,
  signingKeysFromConfig,
  type SigningKeyChange,
  type SigningKeySet,
} from './signing-keys';
import type { JsonWebKeyWithId } from '@/lib/config/config';

const SIGNING_KEYS_REFRESH_INTERVAL_MS = 5_000;
/**
 * A token with a `kid` this process does not know may be signed with a key just rotated in on
 * another instance, so it triggers a reload, but at most once per this interval: otherwise an
 * attacker sending random `kid`s could force a store lookup per request.
 */
export const UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS = 5_000;

interface CachedKeys {
  keySet: SigningKeySet;
  ring: KeyRing;
}

export interface KeyCache {
  /** The keys; the first call loads them through `store` (a request's timed store reports that cold lookup). */
  get(store: Store): Promise<CachedKeys>;
  /**
   * Reloads for a token whose `kid` is unknown here, through `store`; null when a reload for an
   * unknown `kid` already happened within UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS.
   */
  reloadForUnknownKid(store: Store, now: number): Promise<CachedKeys | null>;
  /** Re-reads in the background (another instance announced a change). */
  reload(): void;
  rotate(now: number): Promise<SigningKeyChange>;
  retire(kid: string, now: number): Promise<SigningKeyChange>;
  stop(): void;
}

export function createKeyCache(options: {
  store: Store;
  /** Keys from JWT_PRIVATE_KEYS: they do not live in the store and are never rotated here. */
  configuredKeys: JsonWebKeyWithId[] | null;
  /** Seals the current private key for the store (SIGNING_KEY_SECRET); null only with configured keys. */
  seal: PrivateKeySeal | null;
  /**
   * What to do when the stored current key cannot be decrypted with this process's secret. false
   * (production): fail closed, every load throws SigningKeyUnreadableError with how to fix it.
   * true (development): rotate to a fresh key once per process, with a warning; the old key stays
   * as `previous` (public part only) so its tokens keep verifying. Once only, so two instances
   * with different secrets on one store cannot keep rotating each other's keys.
   */
  replaceUnreadableKey?: boolean;
  warn?(message: string): void;
  now: () => number;
  every?(ms: number, run: () => void): () => void;
}): KeyCache {
  const { configuredKeys } = options;
  let replacedUnreadableKey = false;

  async function readStoredKeys(store: Store): Promise<SigningKeySet> {
    const seal = sealOrThrow();
    try {
      return await loadSigningKeys(store, options.now(), seal);
    } catch (error) {
      if (!(error instanceof SigningKeyUnreadableError) || !options.replaceUnreadableKey || replacedUnreadableKey) throw error;
      replacedUnreadableKey = true;
      options.warn?.(
        `${error.message} Development: replacing it with a fresh signing key; the old one keeps verifying as "previous". Set SIGNING_KEY_SECRET to keep keys across restarts.`,
      );
      const rotated = await rotateSigningKey(options.store, options.now(), seal);
      if (rotated.ok) return rotated.keySet;
      // Another instance is changing the keys right now: read what it wrote.
      return loadSigningKeys(store, options.now(), seal);
    }
  }

  function sealOrThrow(): PrivateKeySeal {
    if (!options.seal) throw new Error('signing keys kept in the store need a seal (SIGNING_KEY_SECRET)');
    return options.seal;
  }

  const cache = createVersionedCache<SigningKeySet, CachedKeys>({
    read: async (store) => (configuredKeys ? signingKeysFromConfig(configuredKeys, 0) : readStoredKeys(store)),
    versionOf: (keySet) => keySet.version,
    build: async (keySet) => ({ keySet, ring: await createKeyRing(keySet) }),
    store: options.store,
    now: options.now,
    refreshIntervalMs: configuredKeys ? null : SIGNING_KEYS_REFRESH_INTERVAL_MS,
    ...(options.every ? { every: options.every } : {}),
  });
  let lastUnknownKidReloadAt = Number.NEGATIVE_INFINITY;

  async function change(run: () => Promise<SigningKeyChange>, howToChangeConfigured: string): Promise<SigningKeyChange> {
    if (configuredKeys) return { ok: false, code: 'busy', message: howToChangeConfigured };
    const result = await run();
    if (result.ok) await cache.adopt(result.keySet);
    return result;
  }

  return {
    get: (store) => cache.get(store),
    reloadForUnknownKid: async (store, now) => {
      if (now - lastUnknownKidReloadAt < UNKNOWN_KID_RELOAD_MIN_INTERVAL_MS) return null;
      lastUnknownKidReloadAt = now;
      return cache.reload(store);
    },
    reload: () => void cache.reload().catch(() => {}),
    rotate: (now) =>
      change(
        () => rotateSigningKey(options.store, now, sealOrThrow()),
        'Signing keys come from JWT_PRIVATE_KEYS; change that variable to rotate.',
      ),
    retire: (kid, now) =>
      change(
        () => retireSigningKey(options.store, kid, now, sealOrThrow()),
        'Signing keys come from JWT_PRIVATE_KEYS; remove the key there to retire it.',
      ),
    stop: () => cache.stop(),
  };
}
