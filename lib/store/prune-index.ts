import type { Store } from './store';

/**
 * Drops the members of an index set whose key no longer exists (expired or deleted one by one),
 * so an index lists live credentials rather than every credential ever issued. Two round trips
 * (list, then one `getMany`) plus one removal per stale member; called on the write path (a
 * login), never on a per-request read.
 */
export async function pruneIndex(store: Store, indexKey: string): Promise<number> {
  const members = await store.listIndex(indexKey);
  if (members.length === 0) return 0;
  const values = await store.getMany(members);
  const stale = members.filter((_, i) => values[i] === null || values[i] === undefined);
  for (const member of stale) await store.removeFromIndex(indexKey, member);
  return stale.length;
}
