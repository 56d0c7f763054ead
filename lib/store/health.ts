import type { Store, StoreDriver } from './store';

export interface StoreHealth {
  driver: StoreDriver;
  ok: boolean;
  /** One PING, measured on the monotonic clock; null when it failed. */
  roundTripMs: number | null;
  /** The memory store lives in one process: a second instance would not share its state. */
  singleInstanceOnly: boolean;
}

export async function checkStoreHealth(store: Store): Promise<StoreHealth> {
  const started = performance.now();
  const ok = await store.ping().then(
    () => true,
    () => false,
  );
  const elapsed = performance.now() - started;
  return {
    driver: store.driver,
    ok,
    roundTripMs: ok ? Math.round(elapsed * 1000) / 1000 : null,
    singleInstanceOnly: store.driver === 'memory',
  };
}
