/** The instance roster on a real redis-server, written by two instances (two clients of one Redis). */
import { describe, expect, it } from 'vitest';
import { twoInstancesOnOneRedis } from '@/test-utils/two-instances-on-redis';
import {
  INSTANCE_ENTRY_TTL_MS,
  INSTANCE_ROSTER_KEY,
  INSTANCE_ROSTER_TTL_MS,
  listInstanceReports,
  reportInstanceSettings,
} from './instance-roster';

const shared = twoInstancesOnOneRedis();

describe('the instance roster on real Redis', () => {
  it('shows each instance what every other reported, and lets an expired entry vanish', async () => {
    await reportInstanceSettings(shared.instanceA, { id: 'app-1', version: 2, receivedAt: 1_000, reportedAt: 1_010 });
    await reportInstanceSettings(shared.instanceB, { id: 'app-2', version: 2, receivedAt: 1_040, reportedAt: 1_050 });
    expect(await listInstanceReports(shared.instanceA)).toEqual([
      { id: 'app-1', version: 2, receivedAt: 1_000, reportedAt: 1_010 },
      { id: 'app-2', version: 2, receivedAt: 1_040, reportedAt: 1_050 },
    ]);
    const ttl = await shared.instanceA.timeToLive('instances:settings:app-2');
    expect(ttl).toBeGreaterThan(INSTANCE_ENTRY_TTL_MS - 2_000);
    expect(ttl).toBeLessThanOrEqual(INSTANCE_ENTRY_TTL_MS);
    // The roster set expires too (long after its entries): nothing this writes lives forever.
    expect(await shared.instanceA.timeToLive(INSTANCE_ROSTER_KEY)).toBeGreaterThan(INSTANCE_ROSTER_TTL_MS - 60_000);

    // An instance that died: its entry is gone (as if its TTL had run out), and so is it from the list.
    await shared.instanceB.delete('instances:settings:app-2');
    expect((await listInstanceReports(shared.instanceB)).map((report) => report.id)).toEqual(['app-1']);
    expect(await shared.instanceA.listIndex(INSTANCE_ROSTER_KEY)).toEqual(['instances:settings:app-1']);
  });
});
