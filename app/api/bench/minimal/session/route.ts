import { answerMinimalSession } from '@/lib/bench/minimal-session';
import { getServerApp } from '@/lib/server/app';

export const dynamic = 'force-dynamic';

/** The bench's library-only session check (BENCH_ROUTES=1 only; 404 otherwise): see lib/bench/minimal-session.ts. */
export const GET = (request: Request): Promise<Response> => answerMinimalSession(request, getServerApp());
