/**
 * What the Costs view draws, from either source: the latest bench report, or a live measurement
 * from the browser. One model, so the same charts, table alternatives and conclusion serve both.
 * Pure.
 */
import type { BenchPhase, BenchReport, BenchRoute, BenchStore } from './bench-report';

/** The app routes whose phases are compared: the authenticated `/me` of each strategy. */
export type AppRoute = Extract<BenchRoute, 'session' | 'jwt' | 'jwt-denylist'>;

/** Which library call alone a phase stands for: the lookup and the denylist check are one store GET. */
type LibraryCall = 'unseal' | 'verify' | 'storeGet';

/** One row of the phase chart: an app phase, its minimal reference route, and the library call alone. */
interface PhaseRowSpec {
  route: AppRoute;
  phase: BenchPhase;
  minimal: BenchRoute | null;
  library: LibraryCall;
}

export const PHASE_ROWS: readonly PhaseRowSpec[] = [
  { route: 'session', phase: 'unseal', minimal: 'minimal-session', library: 'unseal' },
  { route: 'session', phase: 'lookup', minimal: 'minimal-session', library: 'storeGet' },
  { route: 'jwt', phase: 'verify', minimal: 'minimal-jwt', library: 'verify' },
  { route: 'jwt-denylist', phase: 'verify', minimal: 'minimal-jwt', library: 'verify' },
  // No minimal route checks a denylist: the reference for it is the store GET alone.
  { route: 'jwt-denylist', phase: 'denylist', minimal: null, library: 'storeGet' },
];

/** The phases each app route pays for authentication, in the order it pays them. */
const AUTH_PHASES: Record<AppRoute, readonly BenchPhase[]> = {
  session: ['unseal', 'lookup'],
  jwt: ['verify'],
  'jwt-denylist': ['verify', 'denylist'],
};

interface PhaseComparison {
  store: BenchStore;
  route: AppRoute;
  phase: BenchPhase;
  /** Medians in milliseconds; null: not measured. */
  appMs: number | null;
  minimalMs: number | null;
  libraryMs: number | null;
}

export interface RouteFigures {
  store: BenchStore;
  route: BenchRoute;
  requestsPerSecond: number | null;
  credentialBytes: number | null;
  responseBytes: number | null;
  storeCommandsPerRequest: number | null;
}

export interface CostsSnapshot {
  source: 'bench' | 'live';
  /** The stores measured, in the order they are offered. */
  stores: BenchStore[];
  phases: PhaseComparison[];
  routes: RouteFigures[];
  /** The simulated store latency the phases include (added to every store call), in ms. */
  simulatedLatencyMs: number;
}

/** The charts' model of a bench report. The bench runs without simulated latency. */
export function snapshotFromBench(report: BenchReport): CostsSnapshot {
  const measured = (store: BenchStore, route: BenchRoute, phase: BenchPhase) =>
    report.phases.find((entry) => entry.store === store && entry.route === route && entry.phase === phase)?.latency.medianMs ?? null;
  const stores = [...new Set([...report.phases.map((entry) => entry.store), ...report.routes.map((entry) => entry.store)])];
  return {
    source: 'bench',
    stores: BENCH_STORE_ORDER.filter((store) => stores.includes(store)),
    phases: stores.flatMap((store) =>
      PHASE_ROWS.map((row) => ({
        store,
        route: row.route,
        phase: row.phase,
        appMs: measured(store, row.route, row.phase),
        minimalMs: row.minimal === null ? null : measured(store, row.minimal, row.phase),
        libraryMs: report.library[store][row.library].medianMs,
      })),
    ),
    routes: report.routes.map((entry) => ({
      store: entry.store,
      route: entry.route,
      requestsPerSecond: entry.requestsPerSecond,
      credentialBytes: entry.credentialBytes,
      responseBytes: entry.responseBytes,
      // -1: not measured; a slightly negative figure is idle polling subtracted from none.
      storeCommandsPerRequest: entry.storeCommandsPerRequest <= -1 ? null : Math.max(0, entry.storeCommandsPerRequest),
    })),
    simulatedLatencyMs: 0,
  };
}

const BENCH_STORE_ORDER: readonly BenchStore[] = ['memory', 'redis', 'upstash'];

/**
 * What one app route pays for authentication on `store`: the sum of its phases' medians, or null
 * when one of them was not measured.
 */
export function authCostMs(snapshot: CostsSnapshot, store: BenchStore, route: AppRoute): number | null {
  let total = 0;
  for (const phase of AUTH_PHASES[route]) {
    const row = snapshot.phases.find((entry) => entry.store === store && entry.route === route && entry.phase === phase);
    if (row === undefined || row.appMs === null) return null;
    total += row.appMs;
  }
  return total;
}

/** The figures of one route on one store, if measured. */
export function routeFigures(snapshot: CostsSnapshot, store: BenchStore, route: BenchRoute): RouteFigures | null {
  return snapshot.routes.find((entry) => entry.store === store && entry.route === route) ?? null;
}
