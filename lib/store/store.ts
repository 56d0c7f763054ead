/**
 * The one storage interface every flow in this app uses: sessions, refresh tokens, the denylist,
 * signing keys, settings and rate limits. It is deliberately small so that each backend
 * (memory, Redis over TCP, Upstash over REST) can implement it completely and be checked against
 * the same contract suite (`store.contract.test.ts`).
 *
 * Values are strings; callers serialise JSON themselves and validate what they read, because a
 * record that comes back from a shared store is input like any other.
 */

export type StoreDriver = 'memory' | 'redis' | 'upstash';

export interface SetOptions {
  /** Expire the key this many milliseconds from now. Omitted: the key does not expire. */
  ttlMs?: number;
  /** Only write when the key does not exist yet (Redis `SET NX`): a claim, not an overwrite. */
  onlyIfAbsent?: boolean;
  /**
   * Only write when the key still exists (Redis `SET XX`): an update that can never resurrect a
   * record that was deleted (revoked) a moment earlier by another request or instance.
   */
  onlyIfPresent?: boolean;
}

export interface Store {
  readonly driver: StoreDriver;

  get(key: string): Promise<string | null>;

  /**
   * Reads several keys in one round trip (Redis `MGET`), in the order given; null for a missing
   * key. What lets the denylist check a token's own entry and its user's revocation together.
   */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;

  /** Returns false when a condition (`onlyIfAbsent`, `onlyIfPresent`) stopped the write. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;

  /** Returns whether the key existed. */
  delete(key: string): Promise<boolean>;

  /**
   * Reads and removes the key in one atomic step. Of any number of concurrent callers, exactly one
   * gets the value and the rest get null: what single-use credentials such as refresh tokens need.
   */
  getAndDelete(key: string): Promise<string | null>;

  /**
   * Adds `member` (normally another key, e.g. a session key) to the set at `indexKey`, and makes
   * sure the set lives at least `ttlMs` longer, so an index never expires before what it lists.
   */
  addToIndex(indexKey: string, member: string, ttlMs?: number): Promise<void>;

  removeFromIndex(indexKey: string, member: string): Promise<void>;

  /** Members of the set; may include keys that have expired since they were added. */
  listIndex(indexKey: string): Promise<string[]>;

  /**
   * Deletes every key listed in the set and the set itself, atomically: "log out everywhere" is
   * one store operation. Returns how many listed keys still existed.
   */
  deleteIndexAndMembers(indexKey: string): Promise<number>;

  /**
   * Adds 1 and returns the new value; the first increment starts a `ttlMs` window (fixed-window
   * rate limiting). Later increments do not extend it.
   */
  increment(key: string, ttlMs: number): Promise<number>;

  /**
   * Appends entries to a capped, ordered log (a Redis stream) and returns their ids. Older entries
   * beyond roughly `maxLength` are dropped. This is how events from every instance reach the
   * subscribers of every other instance, with the same code on all three drivers.
   */
  appendToLog(key: string, entries: readonly string[], maxLength: number): Promise<string[]>;

  /**
   * Entries strictly after `afterId` (oldest first, at most `limit`). `afterId` null: nothing old,
   * just the id to continue from (the newest id, or "0-0" for an empty log).
   */
  readLog(key: string, afterId: string | null, limit: number): Promise<{ entries: LogEntry[]; lastId: string }>;

  /** Milliseconds until the key expires; null when the key does not exist or never expires. */
  timeToLive(key: string): Promise<number | null>;

  /** One round trip that proves the store answers. */
  ping(): Promise<void>;

  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

export interface LogEntry {
  /** Ordered ids of the form "<ms>-<seq>", comparable across instances. */
  id: string;
  value: string;
}

/** The operations that only read state; `X-Store-Lookups` counts these. */
export const READ_OPERATIONS = new Set<keyof Store>(['get', 'getMany', 'getAndDelete', 'listIndex', 'timeToLive', 'readLog']);

/**
 * Thrown by every driver when the backend cannot be reached or does not answer within its
 * timeout. Flows map it to 503 `store_unavailable` and fail closed: an unreachable session store
 * must never be read as "no session, carry on" nor as "valid".
 */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable' as const;
  readonly driver: StoreDriver;
  readonly operation: string;

  constructor(driver: StoreDriver, operation: string, cause?: unknown) {
    const reason = cause instanceof Error ? cause.message : cause === undefined ? 'no answer' : String(cause);
    super(`${driver} store unavailable during ${operation}: ${reason}`, { cause });
    this.name = 'StoreUnavailableError';
    this.driver = driver;
    this.operation = operation;
  }
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return (
    error instanceof StoreUnavailableError ||
    (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'store_unavailable')
  );
}

/**
 * Rejects with a StoreUnavailableError when `work` takes longer than `timeoutMs`: a store that
 * hangs (a dropped TCP connection, a black-holed route) must fail as fast as one that refuses.
 */
export async function withStoreTimeout<T>(
  driver: StoreDriver,
  operation: string,
  timeoutMs: number,
  work: () => Promise<T>,
  /** Tells an outage (connection refused, reset, aborted) from an error the server answered with. */
  isOutage: (error: unknown) => boolean = () => true,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(driver, operation, `timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof StoreUnavailableError || !isOutage(error)) throw error;
    throw new StoreUnavailableError(driver, operation, error);
  } finally {
    clearTimeout(timer);
  }
}
