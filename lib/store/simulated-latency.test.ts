import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store';
import { withSimulatedLatency } from './simulated-latency';
import { StoreCallLog, timeStore } from './timed-store';

describe('withSimulatedLatency', () => {
  it('delays every call by the current setting, and the timing wrapper measures the delay', async () => {
    let latency = 50;
    const log = new StoreCallLog();
    const store = timeStore(
      withSimulatedLatency(createMemoryStore(), () => latency),
      log.record,
    );
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    expect(log.calls.every((call) => call.durationMs >= 50)).toBe(true);
    latency = 0;
    await store.get('k');
    expect(log.calls.at(-1)!.durationMs).toBeLessThan(20);
  });
});
