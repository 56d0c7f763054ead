import type { Store } from '@/lib/store/store';

type Operation = Exclude<keyof Store, 'driver' | 'close'>;

export interface PausingStore {
  store: Store;
  /** Resolves when the chosen call has been made and is being held. */
  reached: Promise<void>;
  /** Lets the held call through to the real store. */
  release(): void;
  /** The key of the held call, once reached. */
  heldKey(): string | undefined;
}

/**
 * Wraps a real store so that the first call of `operation` whose first argument (the key)
 * matches `when` waits until the test releases it: races become deterministic interleavings,
 * while every operation still runs on the real store.
 */
export function pauseStoreCall(inner: Store, operation: Operation, when: (key: string) => boolean): PausingStore {
  let signalReached = () => {};
  const reached = new Promise<void>((resolve) => (signalReached = resolve));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let paused = false;
  let held: string | undefined;
  const original = inner[operation] as (...args: unknown[]) => Promise<unknown>;
  const store = {
    ...inner,
    [operation]: async (...args: unknown[]) => {
      if (!paused && typeof args[0] === 'string' && when(args[0])) {
        paused = true;
        held = args[0];
        signalReached();
        await released;
      }
      return original(...args);
    },
  } as Store;
  return { store, reached, release, heldKey: () => held };
}
