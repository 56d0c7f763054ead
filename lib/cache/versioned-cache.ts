/**
 * A process-local copy of a shared, versioned value (the runtime settings, the signing keys).
 * Reading the store on every request would put a lookup on the paths that exist to avoid one, so
 * each process serves its copy and refreshes it: at once after its own writes (`adopt`), when told
 * that another instance changed it (`reload`), and, should such a notice be lost, every
 * `refreshIntervalMs` in the background. Rebuilding the value (importing keys, say) happens only
 * when the version changed. Time and timers are injected, so tests never sleep.
 *
 * Ordering: a read can finish after a newer version was adopted (a slow background read that
 * began before this process's own rotation or retirement). Installing it would bring back, for
 * seconds, a key just retired. So a value is installed only when its version is higher than the
 * one served, or when it comes from a read that began after the served value was installed (the
 * store really holds something else now: it was reset, say). A read that began earlier and holds
 * an older or equal version is dropped. A reload asked for while a read is in flight queues one
 * more read after it, because the read in flight may have begun before the change the caller
 * heard about.
 */
import { storeCommandMeter } from '@/lib/store/command-meter';
import type { Store } from '@/lib/store/store';

export interface VersionedCacheOptions<Raw, Value> {
  /** Reads the shared record through `store`. */
  read(store: Store): Promise<Raw>;
  versionOf(raw: Raw): number;
  /** Turns a newly read version into the value served (may be async: key import). */
  build(raw: Raw): Promise<Value> | Value;
  /** The store background refreshes read through (requests pass their own, timed one). */
  store: Store;
  now: () => number;
  /** Null: never refresh in the background (the value does not live in the store). */
  refreshIntervalMs: number | null;
  /** What to serve before the first read succeeds; without it `get` waits for the first read. */
  initial?: { raw: Raw; value: Value };
  /** Called whenever a new version is adopted (after the build). */
  onAdopt?(value: Value, raw: Raw): void;
  /** Starts a repeating timer and returns how to stop it; a manual one in tests. */
  every?(ms: number, run: () => void): () => void;
}

export interface VersionedCache<Raw, Value> {
  /** The value served now, with no I/O; undefined before the first load. */
  peek(): Value | undefined;
  /** The version served now and when this process adopted it (epoch ms). */
  state(): { version: number; receivedAt: number } | null;
  /** The value; the first call loads it through `store` (a request's timed store reports that lookup). */
  get(store?: Store): Promise<Value>;
  /** Reads the record again (one read at a time); adopts it when its version is new. */
  reload(store?: Store): Promise<Value>;
  /** Serves `raw` at once: this process just wrote it. */
  adopt(raw: Raw): Promise<Value>;
  stop(): void;
}

function everyWithUnrefTimer(ms: number, run: () => void): () => void {
  // Often first started by a request's read: its refreshes are background work, not that request's.
  const timer = storeCommandMeter.detached(() => setInterval(run, ms));
  timer.unref?.();
  return () => clearInterval(timer);
}

export function createVersionedCache<Raw, Value>(options: VersionedCacheOptions<Raw, Value>): VersionedCache<Raw, Value> {
  /** Numbers each read and each own write at its start, so "began after" is a comparison. */
  let sequence = 0;
  let current: { version: number; value: Value; receivedAt: number; startedAt: number } | undefined = options.initial
    ? { version: options.versionOf(options.initial.raw), value: options.initial.value, receivedAt: options.now(), startedAt: 0 }
    : undefined;
  let loading: Promise<Value> | undefined;
  let queued: Promise<Value> | undefined;
  let stopTimer: (() => void) | undefined;

  /** Whether what a read or write that began at `startedAt` found may replace the value served. */
  function supersedes(version: number, startedAt: number): boolean {
    if (!current) return true;
    return version > current.version || (startedAt > current.startedAt && version !== current.version);
  }

  async function install(raw: Raw, startedAt: number): Promise<Value> {
    const version = options.versionOf(raw);
    if (!supersedes(version, startedAt)) return current!.value;
    const value = await options.build(raw);
    // Checked again: another install may have finished while this one was building.
    if (!supersedes(version, startedAt)) return current!.value;
    current = { version, value, receivedAt: options.now(), startedAt };
    options.onAdopt?.(value, raw);
    return value;
  }

  function adopt(raw: Raw): Promise<Value> {
    return install(raw, ++sequence);
  }

  function startBackgroundRefresh(): void {
    if (stopTimer || options.refreshIntervalMs === null) return;
    const every = options.every ?? everyWithUnrefTimer;
    stopTimer = every(options.refreshIntervalMs, () => {
      // A failed background read keeps serving the last good copy; requests report outages themselves.
      reload().catch(() => {});
    });
  }

  function read(store: Store): Promise<Value> {
    const startedAt = ++sequence;
    loading = options
      .read(store)
      .then((raw) => install(raw, startedAt))
      .then((value) => {
        startBackgroundRefresh();
        return value;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  function reload(store: Store = options.store): Promise<Value> {
    if (!loading) return read(store);
    // One read at a time; every caller that arrives meanwhile shares the one queued after it.
    queued ??= loading
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return read(store);
      });
    return queued;
  }

  if (options.initial) startBackgroundRefresh();

  return {
    peek: () => current?.value,
    state: () => (current ? { version: current.version, receivedAt: current.receivedAt } : null),
    // A first load has nothing newer to miss, so it joins a read already under way.
    get: (store) => (current ? Promise.resolve(current.value) : (loading ?? reload(store))),
    reload,
    adopt,
    stop: () => {
      stopTimer?.();
      stopTimer = undefined;
    },
  };
}
