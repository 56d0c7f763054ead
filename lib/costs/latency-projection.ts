/**
 * The simulated-latency projection: how each strategy's authentication cost grows as the store
 * moves away. A projection, not a measurement: it takes the measured phases and adds the latency
 * once per store round trip, which is what each path pays per request (a session one lookup, a
 * JWT none, a JWT with the denylist one check). Pure.
 */
import type { AppRoute } from './costs-snapshot';

const ROUND_TRIPS_PER_REQUEST: Record<AppRoute, number> = { session: 1, jwt: 0, 'jwt-denylist': 1 };

export interface ProjectionBase {
  /** Measured authentication cost per request, in ms; null: not measured. */
  measuredMs: Record<AppRoute, number | null>;
  /** The simulated latency those measurements already include, per round trip. */
  measuredAtLatencyMs: number;
}

/** The projected cost of `route` with `latencyMs` of store latency per round trip; null if not measured. */
export function projectedCostMs(base: ProjectionBase, route: AppRoute, latencyMs: number): number | null {
  const measured = base.measuredMs[route];
  if (measured === null) return null;
  const trips = ROUND_TRIPS_PER_REQUEST[route];
  // What the path costs with no simulated latency: the measurement minus what was simulated.
  const atZero = Math.max(0, measured - trips * base.measuredAtLatencyMs);
  return atZero + trips * latencyMs;
}

export type Crossover =
  /** Both paths were not measured. */
  | { kind: 'unknown' }
  /** The session path costs more already with no added latency, by `gapMs`. */
  | { kind: 'already'; gapMs: number }
  /** The session path is cheaper up to `latencyMs` of store latency and costlier beyond. */
  | { kind: 'at'; latencyMs: number };

/**
 * Where the session path's cost overtakes the JWT path's (denylist off) as store latency grows.
 * @example sessionOvertakesJwt({ measuredMs: { session: 0.4, jwt: 0.6, 'jwt-denylist': null }, measuredAtLatencyMs: 0 })
 *   // { kind: 'at', latencyMs: 0.2 }
 */
export function sessionOvertakesJwt(base: ProjectionBase): Crossover {
  const session = projectedCostMs(base, 'session', 0);
  const jwt = projectedCostMs(base, 'jwt', 0);
  if (session === null || jwt === null) return { kind: 'unknown' };
  if (session >= jwt) return { kind: 'already', gapMs: session - jwt };
  // The session line rises 1 ms per ms of latency, the JWT line stays flat.
  return { kind: 'at', latencyMs: (jwt - session) / (ROUND_TRIPS_PER_REQUEST.session - ROUND_TRIPS_PER_REQUEST.jwt) };
}
