import 'server-only';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { createUpstashStore } from '@/lib/store/upstash-store';
import { getConfig } from './config';

const globalForStore = globalThis as typeof globalThis & { __sessionVsJwtStore?: Store };

/**
 * The one store of this process, chosen by configuration. Kept on `globalThis` so the memory
 * store survives dev hot reloads and Redis keeps a single shared connection.
 */
export function getStore(): Store {
  if (globalForStore.__sessionVsJwtStore) return globalForStore.__sessionVsJwtStore;
  const { store: storeConfig } = getConfig();
  const store =
    storeConfig.driver === 'redis'
      ? createRedisStore({ url: storeConfig.url })
      : storeConfig.driver === 'upstash'
        ? createUpstashStore({ url: storeConfig.url, token: storeConfig.token })
        : createMemoryStore();
  globalForStore.__sessionVsJwtStore = store;
  return store;
}
