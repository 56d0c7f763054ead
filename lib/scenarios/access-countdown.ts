/**
 * How long a revoked client keeps its access, read off its access token's expiry: the countdown
 * the mobile-and-SPA scenario shows. Pure: the page passes the clock.
 */

type AccessPhase = 'valid' | 'tolerated' | 'expired';

export interface AccessCountdown {
  phase: AccessPhase;
  /** Whole seconds until the token's `exp` (0 once past). */
  secondsToExpiry: number;
  /** Whole seconds until every verifier refuses it, clock tolerance included (0 once past). */
  secondsToRefusal: number;
}

/**
 * `valid` until `exp`; `tolerated` for the verifiers' clock tolerance after it (a server whose
 * clock runs behind still accepts the token, so a revoked client can last this much longer);
 * `expired` after that. Seconds are rounded up, so the display reads 1 until the moment it is 0.
 */
export function accessCountdown(expiresAtMs: number, nowMs: number, clockToleranceSeconds: number): AccessCountdown {
  const refusedAtMs = expiresAtMs + clockToleranceSeconds * 1000;
  const secondsUntil = (atMs: number) => Math.max(0, Math.ceil((atMs - nowMs) / 1000));
  const phase: AccessPhase = nowMs < expiresAtMs ? 'valid' : nowMs < refusedAtMs ? 'tolerated' : 'expired';
  return { phase, secondsToExpiry: secondsUntil(expiresAtMs), secondsToRefusal: secondsUntil(refusedAtMs) };
}

/** What a client does with the answer of its API call: go on, try its refresh token once, or stop. */
export type NextStep = 'continue' | 'refresh' | 'locked-out';

/**
 * A 401 for an expired or missing access token is routine: refresh. Any other 401 (revoked,
 * denied, invalid) and a failed refresh end the session: the client must sign in again. Other
 * failures (a 503 while the store is down, no answer) are retried on the next tick.
 */
export function nextStepAfterCall(status: number, errorCode: string | null, refreshAlreadyTried: boolean): NextStep {
  if (status !== 401) return 'continue';
  const routine = errorCode === 'token_expired' || errorCode === 'unauthenticated';
  return routine && !refreshAlreadyTried ? 'refresh' : 'locked-out';
}
