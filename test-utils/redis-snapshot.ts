import { createClient } from 'redis';

/** One key of the store as read back from Redis: its type, its whole content and its remaining lifetime. */
interface KeySnapshot {
  type: string;
  /** Strings as is; sets and zset members sorted; hashes and lists in their Redis order (hash fields sorted). */
  value: unknown;
  /** Remaining lifetime in ms, or -1 for a key without one. */
  pttl: number;
  /** When the key expires (epoch ms, as read), or null for a key without a lifetime. */
  expiresAt: number | null;
}

export type StoreSnapshot = Record<string, KeySnapshot>;

/**
 * Keys a refused request may legitimately write: the event log (it records the rejection) and
 * rate-limit counters (they count the failure); and the instance roster, which every live
 * instance rewrites every few seconds whatever the requests (lib/settings/instance-roster.ts).
 * Everything else must stay as it was.
 */
const EXPECTED_TO_CHANGE = /^events:log$|^instances:|rate|throttl|attempt/i;

type Client = ReturnType<typeof createClient<Record<string, never>, Record<string, never>, Record<string, never>, 2>>;

async function readValue(client: Client, key: string, type: string): Promise<unknown> {
  switch (type) {
    case 'string':
      return client.get(key);
    case 'set':
      return (await client.sMembers(key)).sort();
    case 'zset':
      return client.zRangeWithScores(key, 0, -1);
    case 'hash':
      return Object.entries(await client.hGetAll(key)).sort(([a], [b]) => (a < b ? -1 : 1));
    case 'list':
      return client.lRange(key, 0, -1);
    case 'stream':
      return client.xRange(key, '-', '+');
    default:
      return `<${type}>`;
  }
}

async function readKey(client: Client, key: string): Promise<KeySnapshot | null> {
  const type = await client.type(key);
  if (type === 'none') return null;
  // Issued together, the two reads share one round trip (node-redis pipelines concurrent commands).
  const [value, pttl] = await Promise.all([readValue(client, key, type), client.pTTL(key)]);
  return { type, value, pttl, expiresAt: pttl >= 0 ? Date.now() + pttl : null };
}

/** Every key of the Redis at `url` (SCAN, never KEYS) with its content and lifetime, except those `ignore` matches. */
export async function snapshotStore(url: string, ignore: RegExp = EXPECTED_TO_CHANGE): Promise<StoreSnapshot> {
  const client: Client = createClient({ url, RESP: 2 });
  await client.connect();
  try {
    const snapshot: StoreSnapshot = {};
    for await (const keys of client.scanIterator({ COUNT: 500 })) {
      // A whole SCAN page is read at once: key by key, a store of a few hundred keys took a
      // round trip per key and read, and the attack suite snapshots it twice per case.
      const wanted = keys.filter((key) => !ignore.test(key));
      const reads = await Promise.all(wanted.map((key) => readKey(client, key)));
      wanted.forEach((key, index) => {
        const read = reads[index];
        if (read) snapshot[key] = read;
      });
    }
    return snapshot;
  } finally {
    client.destroy();
  }
}

/**
 * What changed between two snapshots, as readable lines (empty when nothing did): keys added,
 * removed or rewritten, and lifetimes extended (a lifetime that only ran down is not a change, and
 * neither is a key that reached its expiry between the two reads: a short-lived claim from an
 * earlier request may do so in the middle of a case). `slackMs` absorbs the rounding of PTTL.
 */
export function diffSnapshots(before: StoreSnapshot, after: StoreSnapshot, slackMs = 50): string[] {
  const changes: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const is = after[key];
    if (was === undefined) changes.push(`added ${key}`);
    else if (is === undefined) {
      if (was.expiresAt === null || was.expiresAt > Date.now() + slackMs) changes.push(`removed ${key}`);
    } else if (JSON.stringify(was.value) !== JSON.stringify(is.value) || was.type !== is.type) changes.push(`rewrote ${key}`);
    else if ((was.pttl === -1) !== (is.pttl === -1) || is.pttl > was.pttl + slackMs) changes.push(`extended the lifetime of ${key}`);
  }
  return changes.sort();
}
