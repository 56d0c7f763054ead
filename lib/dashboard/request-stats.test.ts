import { describe, expect, it } from 'vitest';
import { median, summarize } from './request-stats';

describe('summarize', () => {
  it('totals requests, lookups and bytes, and takes the median auth cost', () => {
    const totals = summarize([
      {
        at: 1,
        status: 200,
        phases: [
          { name: 'unseal', durationMs: 1 },
          { name: 'lookup', durationMs: 2 },
        ],
        storeLookups: 1,
        credentialBytes: 300,
        instance: 'a',
      },
      {
        at: 2,
        status: 200,
        phases: [
          { name: 'unseal', durationMs: 1 },
          { name: 'lookup', durationMs: 4 },
        ],
        storeLookups: 1,
        credentialBytes: 300,
        instance: 'a',
      },
      { at: 3, status: 401, phases: [{ name: 'unseal', durationMs: 0.5 }], storeLookups: 0, credentialBytes: 0, instance: 'a' },
    ]);
    expect(totals).toEqual({ requests: 3, lookups: 2, lookupsPerRequest: 2 / 3, credentialBytesPerRequest: 200, medianAuthMs: 3 });
  });

  it('is empty-safe', () => {
    expect(summarize([])).toEqual({ requests: 0, lookups: 0, lookupsPerRequest: 0, credentialBytesPerRequest: 0, medianAuthMs: null });
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
