import 'server-only';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@/lib/http/errors';
import { readCookie, type CookiePurpose } from '@/lib/http/cookies';
import { isSecureContext } from '@/lib/http/secure-context';
import { formatServerTiming, type TimingPhase } from '@/lib/http/server-timing';
import type { AppConfig } from '@/lib/config/config';

/**
 * The few answers the minimal reference routes share. They bypass the app's route wrapper on
 * purpose (that wrapper is part of what they are measured against), so the 404 when the bench is
 * off and the error bodies are built here, from the same error table.
 */

export const BENCH_ROUTES_OFF_MESSAGE = 'The bench reference routes are served only with BENCH_ROUTES=1.';

/** `{ error, message }` with the error table's status, and the phases measured so far. */
export function referenceError(code: ErrorCode, message: string, phases: readonly TimingPhase[] = []): Response {
  const body: ErrorBody = { error: code, message };
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (phases.length > 0) headers['Server-Timing'] = formatServerTiming(phases);
  return Response.json(body, { status: ERROR_STATUS[code], headers });
}

export function referenceAnswer(body: unknown, phases: readonly TimingPhase[]): Response {
  return Response.json(body, { headers: { 'Cache-Control': 'no-store', 'Server-Timing': formatServerTiming(phases) } });
}

/** The request's cookie of `purpose`, under the name the app gives it on this origin. */
export function readReferenceCookie(request: Request, purpose: CookiePurpose, config: AppConfig): string | null {
  const secure = isSecureContext(request.url, request.headers.get('host'), config.publicOrigin);
  return readCookie(request.headers.get('cookie'), purpose, secure);
}

/** Runs `work` on the monotonic clock, as the app's RequestTimer does, and records it under `name`. */
export async function timePhase<T>(phases: TimingPhase[], name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases.push({ name, durationMs: performance.now() - started });
  }
}
