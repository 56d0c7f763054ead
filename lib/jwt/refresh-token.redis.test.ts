/**
 * Rotation against a real redis-server: the atomicity claim only means something across network
 * round trips, where 20 concurrent requests really do interleave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '@/test-utils/redis-server';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { issueRefreshToken, rotateRefreshToken, type RefreshRotation } from './refresh-token';

let redis: RunningRedis;
let redisStore: Store;

beforeAll(async () => {
  redis = await startRedisServer();
  redisStore = createRedisStore({ url: redis.url });
});

afterAll(async () => {
  await redisStore?.close();
  await redis?.stop();
});

const stores: Record<'redis' | 'memory', () => Store> = { redis: () => redisStore, memory: () => createMemoryStore() };

describe.each(['redis', 'memory'] as const)('atomic rotation on the %s store', (driver) => {
  it('leaves exactly one new live chain after 20 concurrent refreshes, and the winner refreshes again', async () => {
    const store = stores[driver]();
    const user = { id: `usr_${driver}`, username: 'alice', role: 'user' as const };
    const now = Date.now();
    const { token } = await issueRefreshToken(store, { user, now });
    const results: RefreshRotation[] = await Promise.all(Array.from({ length: 20 }, () => rotateRefreshToken(store, token, { now })));
    const winners = results.filter((r): r is Extract<RefreshRotation, { ok: true }> => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'refresh_in_progress')).toHaveLength(19);
    expect(results.some((r) => !r.ok && r.familyRevoked)).toBe(false);

    const next = await rotateRefreshToken(store, winners[0]!.token, { now: now + 1000 });
    expect(next.ok).toBe(true);
    // And the chain is single: the loser duplicates minted nothing that could refresh.
    expect((await store.listIndex(`user_refresh_families:${user.id}`)).length).toBe(1);
  });
});
