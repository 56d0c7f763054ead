import { countEachOperation } from './command-meter';
import type { LogEntry, SetOptions, Store } from './store';

type Entry =
  | { kind: 'string'; value: string; expiresAt: number | null }
  | { kind: 'set'; members: Set<string>; expiresAt: number | null }
  | { kind: 'log'; entries: LogEntry[]; lastMs: number; lastSeq: number; expiresAt: null };

/** Orders "<ms>-<seq>" ids numerically, as Redis does. */
function compareLogIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}

export interface MemoryStoreOptions {
  /** Clock in epoch milliseconds; tests pass a fixed or stepped clock instead of faking timers. */
  now?: () => number;
}

/**
 * In-process store: the zero-setup default, so `npm run dev` works with nothing else installed.
 * Its state lives in one Node.js process, so it is "single instance only": a second app instance
 * would see different sessions and keys. Every operation is synchronous underneath, which makes
 * getAndDelete and the index operations trivially atomic.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function expiryFor(ttlMs: number | undefined): number | null {
    return ttlMs === undefined ? null : now() + ttlMs;
  }

  function wrongType(key: string): Error {
    return new Error(`WRONGTYPE key ${key} holds a different kind of value`);
  }

  // Atomicity comes from never awaiting between a read and the write that depends on it: these
  // helpers are synchronous, and each operation below is one synchronous block.
  function readString(key: string): string | null {
    const entry = live(key);
    if (entry === undefined) return null;
    if (entry.kind !== 'string') throw wrongType(key);
    return entry.value;
  }

  function readSet(key: string): Set<string> | undefined {
    const entry = live(key);
    if (entry === undefined) return undefined;
    if (entry.kind !== 'set') throw wrongType(key);
    return entry.members;
  }

  // Lazy expiry alone would let abandoned sessions pile up in a long-running dev server.
  const sweeper = setInterval(() => {
    for (const key of entries.keys()) live(key);
  }, 60_000);
  sweeper.unref?.();

  const store: Store = {
    driver: 'memory',

    async get(key) {
      return readString(key);
    },

    async getMany(keys) {
      // Like MGET: a key holding another kind of value reads as missing rather than failing.
      return keys.map((key) => {
        const entry = live(key);
        return entry?.kind === 'string' ? entry.value : null;
      });
    },

    async set(key: string, value: string, options: SetOptions = {}) {
      if (options.onlyIfAbsent && live(key) !== undefined) return false;
      if (options.onlyIfPresent && live(key) === undefined) return false;
      entries.set(key, { kind: 'string', value, expiresAt: expiryFor(options.ttlMs) });
      return true;
    },

    async delete(key) {
      const existed = live(key) !== undefined;
      entries.delete(key);
      return existed;
    },

    async getAndDelete(key) {
      const value = readString(key);
      entries.delete(key);
      return value;
    },

    async addToIndex(indexKey, member, ttlMs) {
      let entry = live(indexKey);
      if (entry === undefined) {
        entry = { kind: 'set', members: new Set(), expiresAt: expiryFor(ttlMs) };
        entries.set(indexKey, entry);
      }
      if (entry.kind !== 'set') throw wrongType(indexKey);
      entry.members.add(member);
      const wanted = expiryFor(ttlMs);
      if (wanted === null) entry.expiresAt = null;
      else if (entry.expiresAt !== null && entry.expiresAt < wanted) entry.expiresAt = wanted;
    },

    async removeFromIndex(indexKey, member) {
      const members = readSet(indexKey);
      if (members === undefined) return;
      members.delete(member);
      if (members.size === 0) entries.delete(indexKey);
    },

    async listIndex(indexKey) {
      return [...(readSet(indexKey) ?? [])];
    },

    async deleteIndexAndMembers(indexKey) {
      const members = readSet(indexKey) ?? [];
      let deleted = 0;
      for (const member of members) {
        if (live(member) !== undefined) deleted += 1;
        entries.delete(member);
      }
      entries.delete(indexKey);
      return deleted;
    },

    async increment(key, ttlMs) {
      const entry = live(key);
      if (entry === undefined) {
        entries.set(key, { kind: 'string', value: '1', expiresAt: expiryFor(ttlMs) });
        return 1;
      }
      if (entry.kind !== 'string') throw wrongType(key);
      const next = Number.parseInt(entry.value, 10) + 1;
      if (!Number.isSafeInteger(next)) throw new Error(`ERR value at ${key} is not an integer`);
      entry.value = String(next);
      return next;
    },

    async appendToLog(key, values, maxLength) {
      let entry = live(key);
      if (entry === undefined) {
        entry = { kind: 'log', entries: [], lastMs: 0, lastSeq: 0, expiresAt: null };
        entries.set(key, entry);
      }
      if (entry.kind !== 'log') throw wrongType(key);
      const ids: string[] = [];
      for (const value of values) {
        // Same id scheme as Redis streams: milliseconds, then a sequence within the millisecond.
        const ms = Math.max(now(), entry.lastMs);
        entry.lastSeq = ms === entry.lastMs ? entry.lastSeq + 1 : 0;
        entry.lastMs = ms;
        const id = `${ms}-${entry.lastSeq}`;
        entry.entries.push({ id, value });
        ids.push(id);
      }
      if (entry.entries.length > maxLength) entry.entries.splice(0, entry.entries.length - maxLength);
      return ids;
    },

    async readLog(key, afterId, limit) {
      const entry = live(key);
      if (entry === undefined) return { entries: [], lastId: afterId ?? '0-0' };
      if (entry.kind !== 'log') throw wrongType(key);
      const newest = entry.entries.at(-1)?.id ?? '0-0';
      if (afterId === null) return { entries: [], lastId: newest };
      const after = entry.entries.filter((e) => compareLogIds(e.id, afterId) > 0).slice(0, limit);
      return { entries: after, lastId: after.at(-1)?.id ?? afterId };
    },

    async timeToLive(key) {
      const entry = live(key);
      if (entry === undefined || entry.expiresAt === null) return null;
      return entry.expiresAt - now();
    },

    async ping() {},

    async close() {
      clearInterval(sweeper);
      entries.clear();
    },
  };
  return countEachOperation(store);
}
