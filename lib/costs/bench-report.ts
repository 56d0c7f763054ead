/**
 * The shape of what `npm run bench` writes (docs/bench/latest.json) and the Costs view draws. One
 * declaration, read by both: the bench script checks its output against it in CI (quick run), and
 * the dashboard imports the committed file, so a field renamed on one side fails the build.
 */

export const BENCH_STORES = ['memory', 'redis', 'upstash'] as const;
export type BenchStore = (typeof BENCH_STORES)[number];

/**
 * The routes under load. `baseline` answers without any authentication through the same route
 * wrapper; the two `minimal-*` routes make only the library calls (iron-session unseal + one store
 * GET; jose verify), with no app code around them. The last three are the app's own routes.
 */
export const BENCH_ROUTES = ['baseline', 'minimal-session', 'minimal-jwt', 'session', 'jwt', 'jwt-denylist'] as const;
export type BenchRoute = (typeof BENCH_ROUTES)[number];

/** The timed phases, as named in `Server-Timing`. */
export const BENCH_PHASES = ['unseal', 'lookup', 'verify', 'denylist'] as const;
export type BenchPhase = (typeof BENCH_PHASES)[number];

/** A latency figure in milliseconds over `samples` measurements. */
export interface LatencySummary {
  medianMs: number;
  p90Ms: number;
  samples: number;
}

export interface BenchReport {
  version: 1;
  /** ISO date of the run. */
  date: string;
  machine: { cpuModel: string; cores: number; node: string; platform: string; memoryGiB: number };
  settings: {
    /** True for the short CI run: its numbers prove the script works, not what things cost. */
    quick: boolean;
    rounds: number;
    secondsPerRoute: number;
    connections: number;
    /** Sequential requests per route used for the phase medians. */
    sequentialRequests: number;
  };
  /**
   * The same calls alone, in the server process, in a tight loop after warm-up (GET /api/costs):
   * what a phase would cost with no request around it. `samples: 0`: the server did not measure
   * it (a build without GET /api/costs); the figures are then zeros, not measurements.
   */
  library: Record<BenchStore, { unseal: LatencySummary; verify: LatencySummary; storeGet: LatencySummary }>;
  /** Phase medians from `Server-Timing`, sequential warm requests, per store and route. */
  phases: Array<{ store: BenchStore; route: BenchRoute; phase: BenchPhase; latency: LatencySummary }>;
  /** HTTP load (autocannon), all rounds combined, per store and route. */
  routes: Array<{
    store: BenchStore;
    route: BenchRoute;
    requestsPerSecond: number;
    latencyP50Ms: number;
    latencyP99Ms: number;
    /** Server CPU time (user + system) per request, from /proc, in microseconds. */
    cpuMicrosPerRequest: number;
    /**
     * Store commands each request caused: `X-Store-Commands`, checked against Redis `INFO commandstats`.
     * -1: measured by neither (a minimal route, which skips the wrapper that counts, on the memory store).
     */
    storeCommandsPerRequest: number;
    /** Bytes of credential the client sends with every request (cookie or Authorization header). */
    credentialBytes: number;
    /** Bytes of the response, headers included. */
    responseBytes: number;
    errors: number;
    non2xx: number;
  }>;
  /** Each target of issue 11, computed in this run. */
  ratios: Array<{ store: BenchStore; name: string; value: number; target: string; met: boolean }>;
}
