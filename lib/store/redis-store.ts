import { createClient, ErrorReply } from 'redis';
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

export interface RedisStoreOptions {
  url: string;
  /** Upper bound for one command, connection included. Default 1000 ms. */
  commandTimeoutMs?: number;
}

type Reply = string | number | null | Reply[];

/**
 * Redis over TCP with node-redis: one shared client per process, reconnecting in the background.
 *
 * Outage behaviour, which the contract suite checks: the offline queue is disabled, so while the
 * connection is down a command fails at once instead of queueing until Redis returns (a login
 * must not hang for minutes); a command in flight when the server dies fails when the socket
 * closes; anything slower than `commandTimeoutMs` fails with StoreUnavailableError.
 */
export function createRedisStore(options: RedisStoreOptions): Store {
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const client = createClient({
    url: options.url,
    RESP: 2,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      // Back off up to 2 s between attempts; never give up, a restarted Redis must be picked up.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  // Without a listener node-redis turns connection errors into uncaught exceptions.
  client.on('error', () => {});
  let connecting: Promise<unknown> | undefined;

  function connect(): Promise<unknown> {
    connecting ??= client.connect();
    return connecting;
  }

  // A reply error (WRONGTYPE, a script error) is a bug to surface, not an outage.
  function isOutage(error: unknown): boolean {
    return !(error instanceof ErrorReply);
  }

  function run<T>(operation: string, args: string[], map: (reply: Reply) => T): Promise<T> {
    return withStoreTimeout(
      'redis',
      operation,
      timeoutMs,
      async () => {
        if (!client.isReady) await connect();
        storeCommandMeter.count();
        return map((await client.sendCommand(args)) as Reply);
      },
      isOutage,
    );
  }

  function evalScript<T>(operation: string, script: string, keys: string[], args: string[], map: (reply: Reply) => T): Promise<T> {
    return run(operation, ['EVAL', script, String(keys.length), ...keys, ...args], map);
  }

  const asString = (reply: Reply): string | null => (typeof reply === 'string' ? reply : null);
  const asNumber = (reply: Reply): number => Number(reply);

  return {
    driver: 'redis',
    get: (key) => run('get', ['GET', key], asString),
    getMany: async (keys) =>
      keys.length === 0
        ? []
        : run('getMany', ['MGET', ...keys], (reply) => (Array.isArray(reply) ? reply.map(asString) : keys.map(() => null))),
    set: (key, value, setOptions: SetOptions = {}) => {
      const args = ['SET', key, value];
      if (setOptions.ttlMs !== undefined) args.push('PX', String(Math.max(1, Math.ceil(setOptions.ttlMs))));
      if (setOptions.onlyIfAbsent) args.push('NX');
      else if (setOptions.onlyIfPresent) args.push('XX');
      return run('set', args, (reply) => reply === 'OK');
    },
    delete: (key) => run('delete', ['DEL', key], (reply) => asNumber(reply) > 0),
    getAndDelete: (key) => run('getAndDelete', ['GETDEL', key], asString),
    addToIndex: (indexKey, member, ttlMs) =>
      evalScript(
        'addToIndex',
        ADD_TO_INDEX_SCRIPT,
        [indexKey],
        [member, ttlMs === undefined ? '' : String(Math.ceil(ttlMs))],
        () => undefined,
      ),
    removeFromIndex: (indexKey, member) => run('removeFromIndex', ['SREM', indexKey, member], () => undefined),
    listIndex: (indexKey) =>
      run('listIndex', ['SMEMBERS', indexKey], (reply) =>
        Array.isArray(reply) ? reply.filter((m): m is string => typeof m === 'string') : [],
      ),
    deleteIndexAndMembers: (indexKey) => evalScript('deleteIndexAndMembers', DELETE_INDEX_AND_MEMBERS_SCRIPT, [indexKey], [], asNumber),
    increment: (key, ttlMs) => evalScript('increment', INCREMENT_SCRIPT, [key], [String(Math.ceil(ttlMs))], asNumber),
    appendToLog: (key, values, maxLength) =>
      evalScript('appendToLog', APPEND_TO_LOG_SCRIPT, [key], [String(maxLength), ...values], (reply) =>
        Array.isArray(reply) ? reply.map(String) : [],
      ),
    readLog: (key, afterId, limit) =>
      evalScript('readLog', READ_LOG_SCRIPT, [key], [afterId ?? '', String(limit)], (reply) => readLogResult(reply, afterId)),
    timeToLive: (key) => run('timeToLive', ['PTTL', key], (reply) => timeToLiveFromPttl(asNumber(reply))),
    ping: () => run('ping', ['PING'], () => undefined),
    async close() {
      // A graceful close waits for replies; a server that never answers would make it wait forever.
      if (client.isReady) await withStoreTimeout('redis', 'close', timeoutMs, () => client.close()).catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
    },
  };
}
