import { Redis, errors } from '@upstash/redis';
import type { SetOptions, Store } from './store';
import { withStoreTimeout } from './store';
import { storeCommandMeter } from './command-meter';
import {
  ADD_TO_INDEX_SCRIPT,
  DELETE_INDEX_AND_MEMBERS_SCRIPT,
  INCREMENT_SCRIPT,
  APPEND_TO_LOG_SCRIPT,
  READ_LOG_SCRIPT,
  readLogResult,
  timeToLiveFromPttl,
} from './redis-scripts';

export interface UpstashStoreOptions {
  url: string;
  token: string;
  /** Upper bound for one command including its retries. Default 1500 ms (HTTPS is slower than TCP). */
  commandTimeoutMs?: number;
}

/**
 * Upstash Redis over its REST API with @upstash/redis.
 *
 * Two client defaults are changed on purpose:
 * - automaticDeserialization is off: by default the client JSON-parses every string it reads, so
 *   a stored "42" would come back as the number 42 and a session record as an object nobody
 *   validated. This driver returns exactly the string that was written.
 * - retries drop from 5 with exponential backoff (about 4 s against a dead endpoint) to 2 quick
 *   ones, and every request carries an abort signal, so an outage is reported in bounded time.
 */
export function createUpstashStore(options: UpstashStoreOptions): Store {
  const timeoutMs = options.commandTimeoutMs ?? 1500;
  const redis = new Redis({
    url: options.url,
    token: options.token,
    automaticDeserialization: false,
    enableTelemetry: false,
    retry: { retries: 2, backoff: (attempt: number) => 25 * 2 ** attempt },
    signal: () => AbortSignal.timeout(timeoutMs),
  });

  // Over REST an outage can look like anything: a refused connection, an abort, a 5xx page that is
  // not JSON, "ERR max requests limit exceeded", a rejected token after a rotation. All of them
  // fail closed as "store unavailable" (the cause is kept). Only a WRONGTYPE answer is a bug in
  // this app and is surfaced as it is.
  function isOutage(error: unknown): boolean {
    return !(error instanceof errors.UpstashError && error.message.startsWith('WRONGTYPE'));
  }

  function run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    // Each operation is one Redis command over REST (EVAL for the scripts).
    storeCommandMeter.count();
    return withStoreTimeout('upstash', operation, timeoutMs, work, isOutage);
  }

  const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

  return {
    driver: 'upstash',
    get: (key) => run('get', async () => asString(await redis.get<string>(key))),
    getMany: async (keys) => (keys.length === 0 ? [] : run('getMany', async () => (await redis.mget<unknown[]>(...keys)).map(asString))),
    set: (key, value, setOptions: SetOptions = {}) =>
      run('set', async () => {
        const ttl = setOptions.ttlMs === undefined ? undefined : Math.max(1, Math.ceil(setOptions.ttlMs));
        const condition = setOptions.onlyIfAbsent ? { nx: true as const } : setOptions.onlyIfPresent ? { xx: true as const } : {};
        const reply = ttl === undefined ? await redis.set(key, value, condition) : await redis.set(key, value, { ...condition, px: ttl });
        return reply === 'OK';
      }),
    delete: (key) => run('delete', async () => (await redis.del(key)) > 0),
    getAndDelete: (key) => run('getAndDelete', async () => asString(await redis.getdel<string>(key))),
    addToIndex: (indexKey, member, ttlMs) =>
      run('addToIndex', async () => {
        await redis.eval(ADD_TO_INDEX_SCRIPT, [indexKey], [member, ttlMs === undefined ? '' : String(Math.ceil(ttlMs))]);
      }),
    removeFromIndex: (indexKey, member) =>
      run('removeFromIndex', async () => {
        await redis.srem(indexKey, member);
      }),
    listIndex: (indexKey) =>
      run('listIndex', async () => (await redis.smembers<string[]>(indexKey)).filter((m): m is string => typeof m === 'string')),
    deleteIndexAndMembers: (indexKey) =>
      run('deleteIndexAndMembers', async () => Number(await redis.eval(DELETE_INDEX_AND_MEMBERS_SCRIPT, [indexKey], []))),
    increment: (key, ttlMs) => run('increment', async () => Number(await redis.eval(INCREMENT_SCRIPT, [key], [String(Math.ceil(ttlMs))]))),
    appendToLog: (key, values, maxLength) =>
      run('appendToLog', async () => {
        const reply = await redis.eval(APPEND_TO_LOG_SCRIPT, [key], [String(maxLength), ...values]);
        return Array.isArray(reply) ? reply.map(String) : [];
      }),
    readLog: (key, afterId, limit) =>
      run('readLog', async () => readLogResult(await redis.eval(READ_LOG_SCRIPT, [key], [afterId ?? '', String(limit)]), afterId)),
    timeToLive: (key) => run('timeToLive', async () => timeToLiveFromPttl(await redis.pttl(key))),
    ping: () =>
      run('ping', async () => {
        await redis.ping();
      }),
    async close() {},
  };
}
