import 'server-only';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import { withSimulatedLatency } from '@/lib/store/simulated-latency';
import type { Store } from '@/lib/store/store';
import { createUpstashStore } from '@/lib/store/upstash-store';
import { getConfig } from './config';

const globalForStore = globalThis as typeof globalThis & {
  __sessionVsJwtStore?: Store;
  __sessionVsJwtSimulatedLatencyMs?: number;
};

/**
 * The simulated store latency this process applies (runtime setting `storeLatencyMs`). Kept here,
 * not read from the settings module, so that settings (which live in the store) and the store do
 * not import each other; the settings cache sets it whenever it loads a new version.
 */
export function setSimulatedStoreLatency(ms: number): void {
  globalForStore.__sessionVsJwtSimulatedLatencyMs = ms;
}

export function getSimulatedStoreLatency(): number {
  return globalForStore.__sessionVsJwtSimulatedLatencyMs ?? 0;
}

/**
 * The one store of this process, chosen by configuration and wrapped with the simulated latency.
 * Kept on `globalThis` so the memory store survives dev hot reloads and Redis keeps a single
 * shared connection.
 */
export function getStore(): Store {
  if (globalForStore.__sessionVsJwtStore) return globalForStore.__sessionVsJwtStore;
  const { store: storeConfig } = getConfig();
  const driverStore =
    storeConfig.driver === 'redis'
      ? createRedisStore({ url: storeConfig.url })
      : storeConfig.driver === 'upstash'
        ? createUpstashStore({ url: storeConfig.url, token: storeConfig.token })
        : createMemoryStore();
  const store = withSimulatedLatency(driverStore, getSimulatedStoreLatency);
  globalForStore.__sessionVsJwtStore = store;
  return store;
}
