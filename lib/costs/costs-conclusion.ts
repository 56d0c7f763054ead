/**
 * The Costs view's one-sentence conclusion, computed from the numbers it shows: the two paths'
 * authentication cost, the crossover of the latency projection, and the throughput of the two
 * routes. Pure, so the sentence is tested against the numbers it claims.
 */
import type { BenchStore } from './bench-report';
import { formatDuration, formatRatio } from './chart-scale';
import { authCostMs, routeFigures, type CostsSnapshot } from './costs-snapshot';
import { sessionOvertakesJwt } from './latency-projection';

const STORE_NAME: Record<BenchStore, string> = { memory: 'the in-memory store', redis: 'Redis', upstash: 'Upstash (REST)' };

export function concludeCosts(snapshot: CostsSnapshot, store: BenchStore): string {
  const session = authCostMs(snapshot, store, 'session');
  const jwt = authCostMs(snapshot, store, 'jwt');
  if (session === null || jwt === null)
    return `There is no conclusion yet: both a session and a JWT (denylist off) must be measured on ${STORE_NAME[store]}.`;
  const crossover = sessionOvertakesJwt({
    measuredMs: { session, jwt, 'jwt-denylist': authCostMs(snapshot, store, 'jwt-denylist') },
    measuredAtLatencyMs: snapshot.simulatedLatencyMs,
  });
  const simulated = snapshot.simulatedLatencyMs > 0 ? ` with ${snapshot.simulatedLatencyMs} ms of simulated store latency` : '';
  const costs = `On ${STORE_NAME[store]}${simulated}, a session spends ${formatDuration(session)} authenticating each request and a JWT ${formatDuration(jwt)}`;
  const sessionRate = routeFigures(snapshot, store, 'session')?.requestsPerSecond ?? null;
  const jwtRate = routeFigures(snapshot, store, 'jwt')?.requestsPerSecond ?? null;
  const throughput =
    sessionRate !== null && jwtRate !== null && sessionRate > 0
      ? `, and the JWT route ${jwtRate >= sessionRate ? `answered ${formatRatio(jwtRate / sessionRate)} the requests per second of` : `answered fewer requests per second (${formatRatio(jwtRate / sessionRate)}) than`} the session route`
      : '';
  if (crossover.kind === 'at') {
    return `${costs}: the session is the cheaper path until the store is about ${formatDuration(crossover.latencyMs)} further away, where its one round trip per request makes it the costlier one${throughput}.`;
  }
  // 'already' (the 'unknown' case returned above, when a path was not measured)
  const ratio = jwt > 0 ? ` (${formatRatio(session / jwt)})` : '';
  return `${costs}${ratio}: the session path is the costlier one even with no added latency (store latency only widens the gap)${throughput}.`;
}
