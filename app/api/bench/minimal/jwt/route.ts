import { answerMinimalJwt } from '@/lib/bench/minimal-jwt';
import { getServerApp } from '@/lib/server/app';

export const dynamic = 'force-dynamic';

/** The bench's library-only access-token check (BENCH_ROUTES=1 only; 404 otherwise): see lib/bench/minimal-jwt.ts. */
export const GET = (request: Request): Promise<Response> => answerMinimalJwt(request, getServerApp());
