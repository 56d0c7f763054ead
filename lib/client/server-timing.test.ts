import { describe, expect, it } from 'vitest';
import { formatServerTiming } from '@/lib/http/server-timing';
import { parseServerTiming, phaseDuration } from './server-timing';

describe('parseServerTiming', () => {
  it('reads names and durations and ignores descriptions', () => {
    expect(parseServerTiming('unseal;dur=0.412, lookup;dur=1.830')).toEqual([
      { name: 'unseal', durationMs: 0.412 },
      { name: 'lookup', durationMs: 1.83 },
    ]);
    expect(parseServerTiming('verify;desc="local";dur=0.05')).toEqual([{ name: 'verify', durationMs: 0.05 }]);
    expect(parseServerTiming('cache')).toEqual([{ name: 'cache', durationMs: 0 }]);
    expect(parseServerTiming(null)).toEqual([]);
    expect(parseServerTiming('x;dur=abc')).toEqual([]);
  });

  it('reads back exactly what the server formats', () => {
    const header = formatServerTiming([
      { name: 'unseal', durationMs: 0.4123 },
      { name: 'lookup', durationMs: 12, description: 'store "redis"' },
    ]);
    expect(parseServerTiming(header)).toEqual([
      { name: 'unseal', durationMs: 0.412 },
      { name: 'lookup', durationMs: 12 },
    ]);
  });

  it('finds one phase by name', () => {
    const phases = parseServerTiming('verify;dur=0.250, denylist;dur=1.000');
    expect(phaseDuration(phases, 'verify')).toBe(0.25);
    expect(phaseDuration(phases, 'denylist')).toBe(1);
    expect(phaseDuration(phases, 'lookup')).toBeNull();
  });
});
