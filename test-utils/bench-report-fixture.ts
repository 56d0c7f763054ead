/**
 * A bench report built in code for tests and screenshots: a FIXTURE, not a measurement. Its machine
 * says so, and nothing here is ever written to docs/bench/latest.json. The figures are shaped like
 * the ones issue 11 reports (an app phase a little above its minimal route, the minimal route well
 * above the library call alone), so the charts look like a real run would make them look.
 */
import {
  BENCH_ROUTES,
  BENCH_STORES,
  type BenchPhase,
  type BenchReport,
  type BenchRoute,
  type BenchStore,
  type LatencySummary,
} from '@/lib/costs/bench-report';

const FIXTURE_STORE_GET_MS: Record<BenchStore, number> = { memory: 0.004, redis: 0.066, upstash: 0.41 };
const FIXTURE_LOOKUP_MS: Record<BenchStore, number> = { memory: 0.05, redis: 0.456, upstash: 1.6 };

const latency = (medianMs: number): LatencySummary => ({ medianMs, p90Ms: medianMs * 1.4, samples: 400 });

function phaseMs(store: BenchStore, route: BenchRoute, phase: BenchPhase): number | null {
  const minimal = route.startsWith('minimal-');
  switch (phase) {
    case 'unseal':
      return route === 'session' || route === 'minimal-session' ? (minimal ? 0.884 : 1.11) : null;
    case 'lookup':
      return route === 'session' || route === 'minimal-session' ? FIXTURE_LOOKUP_MS[store] * (minimal ? 0.75 : 1) : null;
    case 'verify':
      return route === 'jwt' || route === 'jwt-denylist' || route === 'minimal-jwt' ? (minimal ? 0.52 : 0.572) : null;
    case 'denylist':
      return route === 'jwt-denylist' ? FIXTURE_LOOKUP_MS[store] : null;
  }
}

const FIXTURE_REQUESTS_PER_SECOND: Record<BenchRoute, number> = {
  baseline: 4000,
  'minimal-session': 3080,
  'minimal-jwt': 3720,
  session: 2560,
  jwt: 3200,
  'jwt-denylist': 2900,
};

const STORE_COMMANDS: Record<BenchRoute, number> = {
  baseline: 0,
  'minimal-session': 1,
  'minimal-jwt': 0,
  session: 1,
  jwt: 0,
  'jwt-denylist': 1,
};

/** A complete, valid report; `overrides` replaces top-level fields. */
export function buildBenchReportFixture(overrides: Partial<BenchReport> = {}): BenchReport {
  const storeFactor: Record<BenchStore, number> = { memory: 1, redis: 0.8, upstash: 0.45 };
  return {
    version: 1,
    date: '2026-11-28T21:00:00.000Z',
    machine: { cpuModel: 'FIXTURE (test data, not a measurement)', cores: 2, node: 'v20.19.0', platform: 'linux', memoryGiB: 4 },
    settings: { quick: false, rounds: 3, secondsPerRoute: 10, connections: 50, sequentialRequests: 400 },
    library: Object.fromEntries(
      BENCH_STORES.map((store) => [
        store,
        { unseal: latency(0.417), verify: latency(0.303), storeGet: latency(FIXTURE_STORE_GET_MS[store]) },
      ]),
    ) as BenchReport['library'],
    phases: BENCH_STORES.flatMap((store) =>
      BENCH_ROUTES.flatMap((route) =>
        (['unseal', 'lookup', 'verify', 'denylist'] as const).flatMap((phase) => {
          const medianMs = phaseMs(store, route, phase);
          return medianMs === null ? [] : [{ store, route, phase, latency: latency(medianMs) }];
        }),
      ),
    ),
    routes: BENCH_STORES.flatMap((store) =>
      BENCH_ROUTES.map((route) => ({
        store,
        route,
        requestsPerSecond: Math.round(
          FIXTURE_REQUESTS_PER_SECOND[route] * (STORE_COMMANDS[route] === 0 && route !== 'baseline' ? 1 : storeFactor[store]),
        ),
        latencyP50Ms: 12,
        latencyP99Ms: 40,
        cpuMicrosPerRequest: 1900,
        storeCommandsPerRequest: STORE_COMMANDS[route],
        credentialBytes: route === 'baseline' ? 0 : route.includes('session') ? 196 : 512,
        responseBytes: 640,
        errors: 0,
        non2xx: 0,
      })),
    ),
    ratios: [{ store: 'redis', name: 'session / minimal-session req/s', value: 0.83, target: '≥ 0.95', met: false }],
    ...overrides,
  };
}
