/**
 * A small semaphore with a short, bounded queue: at most `maxActive` pieces of work run at once,
 * at most `maxQueued` wait for a slot, and anything beyond that is refused at once, before any
 * work starts. Password verification goes through one of these (see `user-directory.ts`).
 */
export interface ConcurrencyLimit {
  /**
   * Runs `work` when a slot is free. `{ ok: false }` when every slot is taken and the queue is
   * full: the caller answers "busy" without having spent anything. The slot is released however
   * `work` ends; an error from `work` is rethrown.
   */
  run<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }>;
  /** How many run and how many wait right now (for tests and diagnostics). */
  load(): { active: number; queued: number };
}

export function createConcurrencyLimit(options: { maxActive: number; maxQueued: number }): ConcurrencyLimit {
  const { maxActive, maxQueued } = options;
  if (!Number.isInteger(maxActive) || maxActive < 1) throw new Error('maxActive must be a positive integer');
  if (!Number.isInteger(maxQueued) || maxQueued < 0) throw new Error('maxQueued must be a non-negative integer');
  let active = 0;
  // Each waiter is woken with its slot already counted as active, so no newcomer can take it first.
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  return {
    async run(work) {
      if (active < maxActive) {
        active += 1;
      } else if (waiting.length < maxQueued) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        return { ok: false };
      }
      try {
        return { ok: true, value: await work() };
      } finally {
        release();
      }
    },
    load: () => ({ active, queued: waiting.length }),
  };
}
