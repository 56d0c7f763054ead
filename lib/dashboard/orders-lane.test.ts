import { describe, expect, it } from 'vitest';
import { isFirstRefusalAfterRevoke, ordersLaneAsks } from './orders-lane';

describe('the orders lane', () => {
  it('asks while the JWT lane is signed in, and not before anyone logged in', () => {
    expect(ordersLaneAsks({ jwtSignedIn: true, revokedAt: null, refusedSinceRevoke: false })).toBe(true);
    expect(ordersLaneAsks({ jwtSignedIn: false, revokedAt: null, refusedSinceRevoke: false })).toBe(false);
  });

  it('keeps asking after a revoke even when the JWT lane has stopped, until the service refuses', () => {
    expect(ordersLaneAsks({ jwtSignedIn: false, revokedAt: 1_000, refusedSinceRevoke: false })).toBe(true);
    expect(ordersLaneAsks({ jwtSignedIn: false, revokedAt: 1_000, refusedSinceRevoke: true })).toBe(false);
  });

  it('measures only the first refusal at or after the revoke', () => {
    const pending = { jwtSignedIn: false, revokedAt: 1_000, refusedSinceRevoke: false };
    expect(isFirstRefusalAfterRevoke(pending, 1_500, true)).toBe(true);
    expect(isFirstRefusalAfterRevoke(pending, 1_500, false)).toBe(false);
    expect(isFirstRefusalAfterRevoke(pending, 900, true)).toBe(false);
    expect(isFirstRefusalAfterRevoke({ ...pending, refusedSinceRevoke: true }, 2_000, true)).toBe(false);
    expect(isFirstRefusalAfterRevoke({ ...pending, revokedAt: null }, 2_000, true)).toBe(false);
  });
});
