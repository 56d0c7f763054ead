import { describe, expect, it } from 'vitest';
import { buildBenchReportFixture } from '@/test-utils/bench-report-fixture';
import { concludeCosts } from './costs-conclusion';
import { authCostMs, snapshotFromBench, type CostsSnapshot } from './costs-snapshot';

function snapshotWith(
  session: [number, number],
  jwt: number,
  rates: { session: number; jwt: number } | null,
  simulatedLatencyMs = 0,
): CostsSnapshot {
  const row = (route: 'session' | 'jwt', phase: 'unseal' | 'lookup' | 'verify', appMs: number) => ({
    store: 'redis' as const,
    route,
    phase,
    appMs,
    minimalMs: null,
    libraryMs: null,
  });
  const figures = (route: 'session' | 'jwt', requestsPerSecond: number) => ({
    store: 'redis' as const,
    route,
    requestsPerSecond,
    credentialBytes: null,
    responseBytes: null,
    storeCommandsPerRequest: null,
  });
  return {
    source: 'live',
    stores: ['redis'],
    phases: [row('session', 'unseal', session[0]), row('session', 'lookup', session[1]), row('jwt', 'verify', jwt)],
    routes: rates ? [figures('session', rates.session), figures('jwt', rates.jwt)] : [],
    simulatedLatencyMs,
  };
}

describe('concludeCosts', () => {
  it('says the session is already costlier, by how much, when it is at 0 ms', () => {
    const sentence = concludeCosts(snapshotWith([1.11, 0.456], 0.572, { session: 2560, jwt: 3200 }), 'redis');
    expect(sentence).toBe(
      'On Redis, a session spends 1.57 ms authenticating each request and a JWT 572 µs (2.7x): the session path is the costlier one even with no added latency (store latency only widens the gap), and the JWT route answered 1.25x the requests per second of the session route.',
    );
  });

  it('names the crossover latency when the session is cheaper at 0 ms', () => {
    const sentence = concludeCosts(snapshotWith([0.2, 0.1], 0.6, null), 'redis');
    expect(sentence).toContain('the session is the cheaper path until the store is about 300 µs further away');
    expect(sentence).not.toContain('requests per second');
  });

  it('reckons the crossover from 0 ms when the numbers include simulated latency', () => {
    const sentence = concludeCosts(snapshotWith([0.2, 5.1], 0.6, null, 5), 'redis');
    expect(sentence).toContain('with 5 ms of simulated store latency');
    expect(sentence).toContain('until the store is about 300 µs further away');
  });

  it('says the JWT route was slower when it was', () => {
    expect(concludeCosts(snapshotWith([1, 1], 0.5, { session: 100, jwt: 80 }), 'redis')).toContain(
      'the JWT route answered fewer requests per second (0.80x) than the session route',
    );
  });

  it('refuses to conclude without both paths', () => {
    const snapshot = snapshotWith([1, 1], 0.5, null);
    const withoutJwt = { ...snapshot, phases: snapshot.phases.filter((row) => row.route !== 'jwt') };
    expect(concludeCosts(withoutJwt, 'redis')).toMatch(/^There is no conclusion yet/);
  });

  it('reads a bench report per store', () => {
    const snapshot = snapshotFromBench(buildBenchReportFixture());
    expect(snapshot.stores).toEqual(['memory', 'redis', 'upstash']);
    expect(authCostMs(snapshot, 'upstash', 'session')).toBeCloseTo(1.11 + 1.6);
    expect(concludeCosts(snapshot, 'upstash')).toMatch(/^On Upstash \(REST\), a session spends 2\.71 ms/);
  });
});
