import { createClient } from 'redis';

/** One key as read back from Redis: its type, its whole content, and whether it has a lifetime. */
interface StoredKey {
  type: string;
  /** Strings as they are; set members sorted; hash fields sorted; lists, sorted sets and streams in Redis order. */
  value: unknown;
  /** Remaining lifetime in ms, or -1 for a key that never expires. */
  pttl: number;
}

export type RedisSnapshot = Record<string, StoredKey>;

/**
 * Keys that a refused request may legitimately write, and so are left out of "nothing changed":
 * the event log (it records the rejection itself) and rate-limit counters (they count the
 * failure: that is their job). Everything else must be exactly as it was.
 */
const KEYS_A_REFUSAL_MAY_WRITE = /^events:log$|^(rate[_-]?limit|throttle|login[_-](attempts|failures|throttle)|lockout)[:_]/i;

type RedisClient = ReturnType<typeof createClient>;

async function readKey(client: RedisClient, key: string): Promise<StoredKey | null> {
  const type = await client.type(key);
  let value: unknown;
  switch (type) {
    case 'none':
      return null;
    case 'string':
      value = await client.get(key);
      break;
    case 'set':
      value = (await client.sMembers(key)).sort();
      break;
    case 'hash':
      value = Object.entries(await client.hGetAll(key)).sort(([a], [b]) => a.localeCompare(b));
      break;
    case 'list':
      value = await client.lRange(key, 0, -1);
      break;
    case 'zset':
      value = await client.zRangeWithScores(key, 0, -1);
      break;
    case 'stream':
      value = await client.xRange(key, '-', '+');
      break;
    default:
      value = `<unreadable type ${type}>`;
  }
  return { type, value, pttl: await client.pTTL(key) };
}

/**
 * Every key of the Redis at `url` with its content (SCAN, never KEYS, so it is safe on a live
 * server), except the keys `ignore` matches. One short-lived connection per snapshot.
 */
export async function snapshotRedis(url: string, ignore: RegExp = KEYS_A_REFUSAL_MAY_WRITE): Promise<RedisSnapshot> {
  const client: RedisClient = createClient({ url, RESP: 2 });
  client.on('error', () => {});
  await client.connect();
  try {
    const snapshot: RedisSnapshot = {};
    for await (const keys of client.scanIterator({ COUNT: 1000 })) {
      for (const key of keys) {
        if (ignore.test(key)) continue;
        const stored = await readKey(client, key);
        if (stored !== null) snapshot[key] = stored;
      }
    }
    return snapshot;
  } finally {
    client.destroy();
  }
}

/**
 * What changed between two snapshots, one readable line per key (empty when nothing did): added,
 * removed, rewritten, or given a longer lifetime. A lifetime that only ran down is no change;
 * `slackMs` absorbs PTTL rounding between the two reads.
 */
export function diffRedisSnapshots(before: RedisSnapshot, after: RedisSnapshot, slackMs = 50): string[] {
  const changes: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const is = after[key];
    if (was === undefined) changes.push(`added ${key}`);
    else if (is === undefined) changes.push(`removed ${key}`);
    else if (was.type !== is.type || JSON.stringify(was.value) !== JSON.stringify(is.value)) changes.push(`rewrote ${key}`);
    else if ((was.pttl === -1) !== (is.pttl === -1) || is.pttl > was.pttl + slackMs) changes.push(`extended the lifetime of ${key}`);
  }
  return changes.sort();
}
