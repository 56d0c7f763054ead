/** Login throttling on a real redis-server, shared by two instances (two clients of one Redis). */
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { twoInstancesOnOneRedis } from '@/test-utils/two-instances-on-redis';
import { checkLoginThrottle, recordLoginFailure, type LoginThrottlePolicy } from './login-throttle';

const policy: LoginThrottlePolicy = {
  windowSeconds: 60,
  maxFailuresPerAccount: 20,
  maxFailuresPerAccountAndClient: 5,
  maxFailuresPerClient: 50,
};

/** The middle of the current window: a test's counts are never split by a window boundary. */
function midWindow(): number {
  const windowMs = policy.windowSeconds * 1000;
  return Math.floor(Date.now() / windowMs) * windowMs + windowMs / 2;
}

const shared = twoInstancesOnOneRedis();

describe('login throttling on real Redis', () => {
  it('counts a concurrent burst of failures from two instances exactly, then throttles on both until the window ends', async () => {
    const now = midWindow();
    const attempt = { username: 'Alice', client: null };
    const failures = Array.from({ length: 60 }, (_, index) =>
      recordLoginFailure(index % 2 === 0 ? shared.instanceA : shared.instanceB, attempt, { now, policy }),
    );
    const recorded = await Promise.all(failures);
    // Exactly one of the sixty brought the account to its limit: the increments are atomic.
    expect(recorded.filter((result) => result.reached.includes('account'))).toHaveLength(1);

    for (const store of [shared.instanceA, shared.instanceB]) {
      expect(await checkLoginThrottle(store, { username: ' alice ', client: null }, { now, policy })).toEqual({
        throttled: true,
        scope: 'account',
        retryAfterSeconds: 30,
      });
    }
    // The next window starts clean.
    expect(await checkLoginThrottle(shared.instanceA, attempt, { now: now + policy.windowSeconds * 1000, policy })).toEqual({
      throttled: false,
    });
  });

  it('keeps a counter only until its window ends, and names no account or address in its key', async () => {
    const now = Date.now();
    await recordLoginFailure(shared.instanceA, { username: 'bob', client: '203.0.113.9' }, { now, policy });
    const client = await createClient({ url: shared.redis.url }).connect();
    const keys = await client.keys('login_failures:*');
    client.destroy();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/bob|203\.0\.113\.9/);
    for (const key of keys) {
      const ttl = await shared.instanceA.timeToLive(key);
      expect(ttl).not.toBeNull();
      expect(ttl!).toBeLessThanOrEqual(policy.windowSeconds * 1000 + 1000);
    }
  });

  it('limits one account from one address tightly, leaving the account open to other addresses', async () => {
    const now = midWindow();
    const guesser = { username: 'carol', client: '203.0.113.20' };
    for (let index = 0; index < policy.maxFailuresPerAccountAndClient; index += 1)
      await recordLoginFailure(shared.instanceB, guesser, { now, policy });
    expect(await checkLoginThrottle(shared.instanceA, guesser, { now, policy })).toMatchObject({
      throttled: true,
      scope: 'account_and_client',
    });
    expect(await checkLoginThrottle(shared.instanceA, { username: 'carol', client: '198.51.100.20' }, { now, policy })).toEqual({
      throttled: false,
    });
  });
});
