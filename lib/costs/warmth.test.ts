import { describe, expect, it } from 'vitest';
import { COLD_REQUESTS_BEFORE_WARM_BY_TRAFFIC } from '@/lib/policy';
import { createWarmth } from './warmth';

describe('warmth', () => {
  it('labels every request cold until the warm-up finishes, and none after', () => {
    const warmth = createWarmth({ warm: false, now: 0 });
    expect(warmth.beginRequest(1)).toBe(true);
    expect(warmth.beginRequest(2)).toBe(true);
    warmth.markWarm(3);
    expect(warmth.beginRequest(4)).toBe(false);
    expect(warmth.state()).toEqual({ warmedAt: 3, warmedBy: 'warm-up', coldRequests: 2 });
  });

  it('when the warm-up never finishes (store down at boot), counts the process warm after enough real requests', () => {
    const warmth = createWarmth({ warm: false, now: 0 });
    for (let i = 0; i < COLD_REQUESTS_BEFORE_WARM_BY_TRAFFIC; i += 1) expect(warmth.beginRequest(i)).toBe(true);
    expect(warmth.beginRequest(1000)).toBe(false);
    expect(warmth.state()).toMatchObject({ warmedBy: 'traffic', coldRequests: COLD_REQUESTS_BEFORE_WARM_BY_TRAFFIC });
    // A warm-up finishing late changes nothing.
    warmth.markWarm(2000);
    expect(warmth.state().warmedBy).toBe('traffic');
  });

  it('starts warm when told to (tests, which are not measured)', () => {
    expect(createWarmth({ warm: true, now: 5 }).beginRequest(6)).toBe(false);
  });
});
