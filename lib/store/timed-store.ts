import type { Store } from './store';
import { READ_OPERATIONS } from './store';

/** One store call as the caller experienced it, delay included. */
export interface StoreCall {
  operation: keyof Store;
  durationMs: number;
  ok: boolean;
  /** True for operations that read state: what `X-Store-Lookups` counts. */
  read: boolean;
}

type TimedOperation = Exclude<keyof Store, 'driver' | 'close'>;

const TIMED_OPERATIONS: readonly TimedOperation[] = [
  'get',
  'getMany',
  'set',
  'delete',
  'getAndDelete',
  'addToIndex',
  'removeFromIndex',
  'listIndex',
  'deleteIndexAndMembers',
  'increment',
  'appendToLog',
  'readLog',
  'timeToLive',
  'ping',
];

/**
 * Wraps a store so that every call is measured with the monotonic clock (`performance.now`,
 * immune to wall-clock jumps) and reported to `onCall`. A route handler wraps the shared store
 * once per request and turns the calls into `Server-Timing` and `X-Store-Lookups`; nothing about
 * timing leaks into the domain code, which just receives "a store".
 */
export function timeStore(store: Store, onCall: (call: StoreCall) => void): Store {
  const timed = { ...store } as Record<TimedOperation, (...args: never[]) => Promise<unknown>>;
  for (const operation of TIMED_OPERATIONS) {
    const original = store[operation] as (...args: never[]) => Promise<unknown>;
    timed[operation] = async (...args: never[]) => {
      const started = performance.now();
      let ok = false;
      try {
        const result = await original(...args);
        ok = true;
        return result;
      } finally {
        onCall({ operation, durationMs: performance.now() - started, ok, read: READ_OPERATIONS.has(operation) });
      }
    };
  }
  return { ...(timed as unknown as Store), driver: store.driver, close: () => store.close() };
}

/** Collects the calls of one request. */
export class StoreCallLog {
  readonly calls: StoreCall[] = [];

  record = (call: StoreCall): void => {
    this.calls.push(call);
  };

  get reads(): number {
    return this.calls.filter((call) => call.read).length;
  }

  get totalMs(): number {
    return this.calls.reduce((sum, call) => sum + call.durationMs, 0);
  }
}
