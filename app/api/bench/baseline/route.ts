import { answerBaseline } from '@/lib/bench/baseline';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The bench's no-auth baseline (BENCH_ROUTES=1 only; 404 otherwise): see lib/bench/baseline.ts. */
export const GET = route(async (ctx) => answerBaseline(ctx));
