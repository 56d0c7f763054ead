import { describe, expect, it } from 'vitest';
import { measureLibraryCosts, summarizeLatencies, timeCall } from './library-costs';

describe('library costs', () => {
  it('summarizes latencies: median and 90th percentile', () => {
    expect(summarizeLatencies([5, 1, 4, 2, 3])).toEqual({ medianMs: 3, p90Ms: 5, samples: 5 });
    expect(summarizeLatencies([4, 1, 3, 2])).toEqual({ medianMs: 2.5, p90Ms: 4, samples: 4 });
    expect(summarizeLatencies([])).toBeNull();
  });

  it('runs the warm-up calls unmeasured, then times each measured call alone', async () => {
    // A clock that advances by the call's own cost: the first (cold) calls cost 30, then 1, 2, 3, ...
    const clock = { now: 0 };
    let calls = 0;
    const call = async () => {
      calls += 1;
      clock.now += calls <= 3 ? 30 : calls - 3;
    };
    const summary = await timeCall(call, { warm: 3, measured: 5, clock: () => clock.now });
    expect(calls).toBe(8);
    expect(summary).toEqual({ medianMs: 3, p90Ms: 5, samples: 5 });
  });

  it('measures unseal, verify and the store GET, each with its own counts', async () => {
    const clock = { now: 0 };
    const seen: string[] = [];
    const step = (name: string, cost: number) => async () => {
      seen.push(name);
      clock.now += cost;
    };
    const costs = await measureLibraryCosts(
      { unseal: step('unseal', 0.4), verify: step('verify', 0.3), storeGet: step('get', 0.07) },
      { crypto: { warm: 2, measured: 3 }, store: { warm: 1, measured: 2 }, clock: () => clock.now, now: () => 42 },
    );
    expect(seen.filter((name) => name === 'unseal')).toHaveLength(5);
    expect(seen.filter((name) => name === 'get')).toHaveLength(3);
    expect(costs.unseal.medianMs).toBeCloseTo(0.4);
    expect(costs.verify.samples).toBe(3);
    expect(costs.storeGet).toMatchObject({ samples: 2 });
    expect(costs.storeGet.medianMs).toBeCloseTo(0.07);
    expect(costs.measuredAt).toBe(42);
  });
});
