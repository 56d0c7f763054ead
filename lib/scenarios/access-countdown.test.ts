import { describe, expect, it } from 'vitest';
import { accessCountdown, nextStepAfterCall } from './access-countdown';

const EXP = Date.UTC(2026, 0, 1, 9);

describe('accessCountdown', () => {
  it('counts down to exp, then through the clock tolerance, then stays at zero', () => {
    expect(accessCountdown(EXP, EXP - 4_200, 5)).toEqual({ phase: 'valid', secondsToExpiry: 5, secondsToRefusal: 10 });
    expect(accessCountdown(EXP, EXP - 1, 5)).toEqual({ phase: 'valid', secondsToExpiry: 1, secondsToRefusal: 6 });
    expect(accessCountdown(EXP, EXP, 5)).toEqual({ phase: 'tolerated', secondsToExpiry: 0, secondsToRefusal: 5 });
    expect(accessCountdown(EXP, EXP + 4_999, 5)).toEqual({ phase: 'tolerated', secondsToExpiry: 0, secondsToRefusal: 1 });
    expect(accessCountdown(EXP, EXP + 5_000, 5)).toEqual({ phase: 'expired', secondsToExpiry: 0, secondsToRefusal: 0 });
    expect(accessCountdown(EXP, EXP + 60_000, 5)).toEqual({ phase: 'expired', secondsToExpiry: 0, secondsToRefusal: 0 });
  });

  it('has no tolerated phase without a clock tolerance', () => {
    expect(accessCountdown(EXP, EXP, 0).phase).toBe('expired');
  });
});

describe('nextStepAfterCall', () => {
  it('goes on after an accepted call, and after failures that are not about the credential', () => {
    expect(nextStepAfterCall(200, null, false)).toBe('continue');
    expect(nextStepAfterCall(503, 'store_unavailable', false)).toBe('continue');
    expect(nextStepAfterCall(0, 'network_error', true)).toBe('continue');
  });

  it('refreshes once when the access token expired or is gone, and stops if that does not help', () => {
    expect(nextStepAfterCall(401, 'token_expired', false)).toBe('refresh');
    expect(nextStepAfterCall(401, 'unauthenticated', false)).toBe('refresh');
    expect(nextStepAfterCall(401, 'token_expired', true)).toBe('locked-out');
  });

  it('stops at once for a revoked or invalid token: refreshing would not make it valid', () => {
    expect(nextStepAfterCall(401, 'token_revoked', false)).toBe('locked-out');
    expect(nextStepAfterCall(401, 'invalid_token', false)).toBe('locked-out');
  });
});
