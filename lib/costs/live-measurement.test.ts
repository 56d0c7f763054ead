import { describe, expect, it } from 'vitest';
import { snapshotFromLive, summarizeLiveBatch, type LiveSample } from './live-measurement';

const sample = (phases: Record<string, number>, extra: Partial<LiveSample> = {}): LiveSample => ({
  status: 200,
  phases: Object.entries(phases).map(([name, durationMs]) => ({ name, durationMs })),
  storeCommands: 1,
  credentialBytes: 200,
  cold: false,
  ...extra,
});

describe('summarizeLiveBatch', () => {
  it('takes the medians over warm 2xx answers only, and counts what it left out', () => {
    const samples = [
      sample({ unseal: 35, lookup: 9 }, { cold: true }),
      sample({ unseal: 1, lookup: 0.4 }),
      sample({ unseal: 2, lookup: 0.6 }),
      sample({ unseal: 3, lookup: 0.5 }),
      sample({ unseal: 50 }, { status: 401 }),
    ];
    const summary = summarizeLiveBatch({ strategy: 'session', samples, elapsedMs: 500, concurrency: 4 });
    expect(summary).toMatchObject({ route: 'session', requests: 5, failed: 1, counted: 3, coldExcluded: 1 });
    expect(summary.phaseMediansMs).toEqual({ unseal: 2, lookup: 0.5 });
    expect(summary.requestsPerSecond).toBe(10);
    expect(summary.storeCommandsPerRequest).toBe(1);
    expect(summary.credentialBytes).toBe(200);
  });

  it('names the JWT route by what the server timed: a denylist phase means the denylist was on', () => {
    const off = summarizeLiveBatch({ strategy: 'jwt', samples: [sample({ verify: 0.5 })], elapsedMs: 10, concurrency: 1 });
    const on = summarizeLiveBatch({ strategy: 'jwt', samples: [sample({ verify: 0.5, denylist: 0.3 })], elapsedMs: 10, concurrency: 1 });
    expect(off.route).toBe('jwt');
    expect(on.route).toBe('jwt-denylist');
  });

  it('treats a missing header as unknown, not as zero', () => {
    const samples = [sample({ verify: 0.5 }, { storeCommands: null, credentialBytes: null })];
    const summary = summarizeLiveBatch({ strategy: 'jwt', samples, elapsedMs: 10, concurrency: 1 });
    expect(summary.storeCommandsPerRequest).toBeNull();
    expect(summary.credentialBytes).toBeNull();
  });

  it('has no medians when every answer was cold', () => {
    const summary = summarizeLiveBatch({
      strategy: 'jwt',
      samples: [sample({ verify: 30 }, { cold: true })],
      elapsedMs: 10,
      concurrency: 1,
    });
    expect(summary.phaseMediansMs).toEqual({});
    expect(summary.coldExcluded).toBe(1);
  });
});

describe('snapshotFromLive', () => {
  it('fills the phase rows of the routes measured, with the library figures beside them', () => {
    const session = summarizeLiveBatch({
      strategy: 'session',
      samples: [sample({ unseal: 1, lookup: 0.4 })],
      elapsedMs: 10,
      concurrency: 1,
    });
    const stat = { medianMs: 0.3, p90Ms: 0.4, samples: 100 };
    const snapshot = snapshotFromLive({
      store: 'redis',
      summaries: [session],
      library: { unseal: stat, verify: stat, storeGet: { ...stat, medianMs: 0.07 } },
      simulatedLatencyMs: 0,
    });
    expect(snapshot.source).toBe('live');
    expect(snapshot.stores).toEqual(['redis']);
    expect(snapshot.phases).toEqual([
      { store: 'redis', route: 'session', phase: 'unseal', appMs: 1, minimalMs: null, libraryMs: 0.3 },
      { store: 'redis', route: 'session', phase: 'lookup', appMs: 0.4, minimalMs: null, libraryMs: 0.07 },
    ]);
    expect(snapshot.routes).toEqual([
      { store: 'redis', route: 'session', requestsPerSecond: 100, credentialBytes: 200, responseBytes: null, storeCommandsPerRequest: 1 },
    ]);
  });
});
