import { describe, expect, it } from 'vitest';
import { median, summarize, type ObservedRequest } from './request-stats';

const request = (overrides: Partial<ObservedRequest>): ObservedRequest => ({
  at: 1,
  status: 200,
  phases: [],
  storeLookups: 0,
  storeCommands: 0,
  credentialBytes: 0,
  instance: 'a',
  cold: false,
  ...overrides,
});

describe('summarize', () => {
  it('totals requests, lookups, commands and bytes, and takes the median auth cost', () => {
    const sessionCheck = (lookupMs: number, storeCommands: number) =>
      request({
        phases: [
          { name: 'unseal', durationMs: 1 },
          { name: 'lookup', durationMs: lookupMs },
        ],
        storeLookups: 1,
        storeCommands,
        credentialBytes: 300,
      });
    const totals = summarize([
      sessionCheck(2, 1),
      sessionCheck(4, 2),
      request({ status: 401, phases: [{ name: 'unseal', durationMs: 0.5 }] }),
    ]);
    expect(totals).toEqual({
      requests: 3,
      lookups: 2,
      lookupsPerRequest: 2 / 3,
      commandsPerRequest: 1,
      credentialBytesPerRequest: 200,
      medianAuthMs: 3,
      coldExcluded: 0,
    });
  });

  it('counts a cold request but keeps it out of the median', () => {
    const totals = summarize([
      request({ phases: [{ name: 'unseal', durationMs: 35 }], cold: true }),
      request({ phases: [{ name: 'unseal', durationMs: 1 }] }),
      request({ phases: [{ name: 'unseal', durationMs: 2 }] }),
    ]);
    expect(totals.requests).toBe(3);
    expect(totals.medianAuthMs).toBe(1.5);
    expect(totals.coldExcluded).toBe(1);
    expect(summarize([request({ phases: [{ name: 'verify', durationMs: 9 }], cold: true })]).medianAuthMs).toBeNull();
  });

  it('is empty-safe', () => {
    expect(summarize([])).toEqual({
      requests: 0,
      lookups: 0,
      lookupsPerRequest: 0,
      commandsPerRequest: 0,
      credentialBytesPerRequest: 0,
      medianAuthMs: null,
      coldExcluded: 0,
    });
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
