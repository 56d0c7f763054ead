import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from './store';

/** The store commands one request caused. Closed when its answer is finished: later ones are not its own. */
export interface RequestCommandTally {
  commands: number;
  closed: boolean;
}

/**
 * Counts every store command this process sends, at the driver, and tells which request caused
 * it. `X-Store-Lookups` counts the reads a route made through its own store view; this counts what
 * actually went to Redis, writes and background work included, so a path presented as store-free
 * can be checked against `INFO commandstats` rather than taken on trust.
 *
 * A command sent while a request runs (including the async work it awaits) is that request's;
 * anything else (event polling, cache refreshes, flushes scheduled for later) is background.
 */
export interface StoreCommandMeter {
  /** Called by a driver for each command it sends. */
  count(): void;
  /** Runs `work` as one request: the commands it sends are added to `tally`. */
  runAs<T>(tally: RequestCommandTally, work: () => T): T;
  /** Runs `work` outside any request: a timer started from a request must not bill it later. */
  detached<T>(work: () => T): T;
  /** Commands since the process started: in all, and sent outside any request. */
  totals(): { all: number; background: number };
}

function createStoreCommandMeter(): StoreCommandMeter {
  const current = new AsyncLocalStorage<RequestCommandTally>();
  let all = 0;
  let background = 0;
  return {
    count() {
      all += 1;
      const tally = current.getStore();
      if (tally === undefined) background += 1;
      else if (!tally.closed) tally.commands += 1;
    },
    runAs: (tally, work) => current.run(tally, work),
    detached: (work) => current.exit(work),
    totals: () => ({ all, background }),
  };
}

const globalForMeter = globalThis as typeof globalThis & { __sessionVsJwtStoreCommands?: StoreCommandMeter };

/**
 * The process's one meter. On `globalThis` because Next bundles a module once per entry point
 * (instrumentation, each route): drivers built in one bundle and requests run in another must
 * share the same async context, or no command would ever be attributed.
 */
export const storeCommandMeter: StoreCommandMeter = (globalForMeter.__sessionVsJwtStoreCommands ??= createStoreCommandMeter());

type Operation = Exclude<keyof Store, 'driver' | 'close'>;

/** For the memory store, which has no wire: each operation is one command to the embedded store. */
export function countEachOperation(store: Store): Store {
  const counted = { ...store };
  for (const name of Object.keys(store) as (keyof Store)[]) {
    if (name === 'driver' || name === 'close') continue;
    const original = store[name as Operation] as (...args: unknown[]) => Promise<unknown>;
    (counted as Record<string, unknown>)[name] = (...args: unknown[]) => {
      storeCommandMeter.count();
      return original(...args);
    };
  }
  return counted;
}
