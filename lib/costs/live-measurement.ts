/**
 * Turns the responses of a live measurement (a few hundred requests per route, sent by the
 * browser) into the Costs view's model. Every number comes from the server's headers:
 * `Server-Timing` phases, `X-Store-Commands`, `X-Credential-Bytes`; responses marked
 * `X-Cold-Start: 1` ran before the server was warm and are left out of the medians (and counted, so
 * the view can say how many). Pure.
 */
import type { TimingPhase } from '@/lib/http/server-timing';
import { median } from '@/lib/dashboard/request-stats';
import { BENCH_PHASES, type BenchPhase, type BenchStore, type LatencySummary } from './bench-report';
import { PHASE_ROWS, type AppRoute, type CostsSnapshot } from './costs-snapshot';

/** What one response said about itself. Null: the header was missing (unknown, not zero). */
export interface LiveSample {
  status: number;
  phases: TimingPhase[];
  storeCommands: number | null;
  credentialBytes: number | null;
  cold: boolean;
}

/** One strategy's batch: its samples and how long the whole batch took on the browser's clock. */
export interface LiveBatch {
  strategy: 'session' | 'jwt';
  samples: LiveSample[];
  elapsedMs: number;
  /** Requests in flight at once while the batch ran. */
  concurrency: number;
}

export interface LiveRouteSummary {
  /** `jwt-denylist` when the server timed a denylist check: the denylist was on. */
  route: AppRoute;
  requests: number;
  /** Answers other than 2xx: not counted in any median. */
  failed: number;
  /** Warm 2xx answers, the ones the medians are taken over. */
  counted: number;
  coldExcluded: number;
  phaseMediansMs: Partial<Record<BenchPhase, number>>;
  /** Requests per second as this browser saw them (all answers, `concurrency` in flight). */
  requestsPerSecond: number | null;
  credentialBytes: number | null;
  storeCommandsPerRequest: number | null;
}

function medianOfKnown(values: readonly (number | null)[]): number | null {
  return median(values.filter((value): value is number => value !== null));
}

export function summarizeLiveBatch(batch: LiveBatch): LiveRouteSummary {
  const answered = batch.samples.filter((sample) => sample.status >= 200 && sample.status < 300);
  const warm = answered.filter((sample) => !sample.cold);
  const timed = (phase: BenchPhase) =>
    warm.flatMap((sample) => sample.phases.filter((entry) => entry.name === phase).map((entry) => entry.durationMs));
  const phaseMediansMs: Partial<Record<BenchPhase, number>> = {};
  for (const phase of BENCH_PHASES) {
    const value = median(timed(phase));
    if (value !== null) phaseMediansMs[phase] = value;
  }
  const route: AppRoute = batch.strategy === 'session' ? 'session' : phaseMediansMs.denylist === undefined ? 'jwt' : 'jwt-denylist';
  return {
    route,
    requests: batch.samples.length,
    failed: batch.samples.length - answered.length,
    counted: warm.length,
    coldExcluded: answered.length - warm.length,
    phaseMediansMs,
    requestsPerSecond: batch.elapsedMs > 0 && batch.samples.length > 0 ? (batch.samples.length * 1000) / batch.elapsedMs : null,
    credentialBytes: medianOfKnown(warm.map((sample) => sample.credentialBytes)),
    storeCommandsPerRequest: medianOfKnown(warm.map((sample) => sample.storeCommands)),
  };
}

/** The library calls alone, as GET /api/costs reports them for the running store; null: not measured yet. */
export interface LibraryFigures {
  unseal: LatencySummary;
  verify: LatencySummary;
  storeGet: LatencySummary;
}

/** The charts' model of a live run on the running `store`. Minimal routes are a bench-only reference. */
export function snapshotFromLive(input: {
  store: BenchStore;
  summaries: readonly LiveRouteSummary[];
  library: LibraryFigures | null;
  simulatedLatencyMs: number;
}): CostsSnapshot {
  const { store, summaries, library } = input;
  return {
    source: 'live',
    stores: [store],
    phases: PHASE_ROWS.filter((row) => summaries.some((summary) => summary.route === row.route)).map((row) => ({
      store,
      route: row.route,
      phase: row.phase,
      appMs: summaries.find((summary) => summary.route === row.route)?.phaseMediansMs[row.phase] ?? null,
      minimalMs: null,
      libraryMs: library?.[row.library].medianMs ?? null,
    })),
    routes: summaries.map((summary) => ({
      store,
      route: summary.route,
      requestsPerSecond: summary.requestsPerSecond,
      credentialBytes: summary.credentialBytes,
      responseBytes: null,
      storeCommandsPerRequest: summary.storeCommandsPerRequest,
    })),
    simulatedLatencyMs: input.simulatedLatencyMs,
  };
}
