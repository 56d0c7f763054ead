import { afterAll, beforeAll } from 'vitest';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { startRedisServer, type RunningRedis } from './redis-server';

export interface TwoInstancesOnRedis {
  readonly redis: RunningRedis;
  /** Two stores on one redis-server, each with its own connection: two app instances sharing it. */
  readonly instanceA: Store;
  readonly instanceB: Store;
}

/**
 * Starts a redis-server before the file's tests and two store clients on it, and stops them after.
 * Read the fields inside tests (they are set in `beforeAll`).
 */
export function twoInstancesOnOneRedis(): TwoInstancesOnRedis {
  let redis: RunningRedis | undefined;
  let instanceA: Store | undefined;
  let instanceB: Store | undefined;
  beforeAll(async () => {
    redis = await startRedisServer();
    instanceA = createRedisStore({ url: redis.url });
    instanceB = createRedisStore({ url: redis.url });
  });
  afterAll(async () => {
    await instanceA?.close();
    await instanceB?.close();
    await redis?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('twoInstancesOnOneRedis: read it inside a test, after beforeAll');
    return value;
  };
  return {
    get redis() {
      return started(redis);
    },
    get instanceA() {
      return started(instanceA);
    },
    get instanceB() {
      return started(instanceB);
    },
  };
}
