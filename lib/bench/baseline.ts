import 'server-only';
import { fail, ok, type Reply } from '@/lib/server/http/reply';
import type { RequestContext } from '@/lib/server/http/context';
import { BENCH_ROUTES_OFF_MESSAGE } from './reference-answer';

/** A fixed identity, so the answer has the size and shape of a `/me` answer. */
const BASELINE_USER = { id: 'u_baseline', username: 'baseline', role: 'user' } as const;

/**
 * GET /api/bench/baseline: a route of the same shape as `/me` (through the app's route wrapper, a
 * small JSON answer) that checks no credential at all. What `npm run bench` divides by: the cost
 * of Next.js, the wrapper and the HTTP round trip, with authentication left out.
 */
export function answerBaseline(ctx: RequestContext): Reply {
  if (!ctx.config.benchRoutes) return fail('not_found', BENCH_ROUTES_OFF_MESSAGE);
  const iat = Math.floor(ctx.now / 1000);
  return ok({ user: BASELINE_USER, token: { jti: 'baseline-0000000000000000', iat, exp: iat + 900, kid: 'baseline' } });
}
