import type { Store } from './store';

/**
 * Adds a delay before every store call: "what if Redis were 20 ms away?" on a laptop where it is
 * 0.1 ms away. The delay happens inside the call, so every measurement (Server-Timing, the
 * dashboard) includes it honestly; the UI labels it as simulated. Zero means no timer at all.
 */
/**
 * Node's timers run on a loop clock cached at the start of each tick, so `setTimeout(50)` can
 * fire after 49.8 ms of real time. A simulated delay must never be shorter than promised.
 */
async function sleepAtLeast(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(left))));
  }
}

export function withSimulatedLatency(store: Store, latencyMs: () => number): Store {
  const delayed = { ...store };
  const operations = Object.keys(store).filter(
    (name): name is Exclude<keyof Store, 'driver' | 'close'> =>
      name !== 'driver' && name !== 'close' && typeof store[name as keyof Store] === 'function',
  );
  for (const operation of operations) {
    const original = store[operation] as (...args: unknown[]) => Promise<unknown>;
    (delayed as Record<string, unknown>)[operation] = async (...args: unknown[]) => {
      const ms = latencyMs();
      if (ms > 0) await sleepAtLeast(ms);
      return original(...args);
    };
  }
  return delayed;
}
