import type { OrdersLane } from './use-orders-lane';
import type { Lane } from './use-lane';

function secondsSince(from: number | null, to: number): string {
  return from === null ? '–' : `${((to - from) / 1000).toFixed(2)} s`;
}

export interface LaneVerdictProps {
  lane: Lane;
  revokedAt: number | null;
  now: number;
  denylist: boolean;
  /** Epoch ms when the JWT lane's access token expires (null for the session lane). */
  jwtExpiresAt: number | null;
}

/** One line per lane: accepted, still accepted after the revoke (and why), or rejected and how fast. */
export function LaneVerdict({ lane, revokedAt, now, denylist, jwtExpiresAt }: LaneVerdictProps) {
  const { state } = lane;
  const label = lane.strategy === 'session' ? 'Session' : 'JWT';
  const testId = `verdict-${lane.strategy}`;
  if (revokedAt === null) {
    return (
      <p data-testid={testId}>
        {label}:{' '}
        {state.user ? (
          <>
            <span aria-hidden="true">✓ </span>accepted
          </>
        ) : (
          'not signed in'
        )}
      </p>
    );
  }
  if (state.firstRejectionAt !== null) {
    const took = secondsSince(revokedAt, state.firstRejectionAt);
    return (
      <p data-testid={testId} className="font-semibold text-red-800">
        <span aria-hidden="true">✕ </span>
        {label}: rejected <span data-testid={`time-to-rejection-${lane.strategy}`}>{took}</span> after revoke ({state.firstRejectionCode})
      </p>
    );
  }
  if (state.user === null) return <p data-testid={testId}>{label}: not signed in</p>;
  const left = jwtExpiresAt === null ? null : Math.max(0, (jwtExpiresAt - now) / 1000);
  return (
    <p data-testid={testId} className="font-semibold text-amber-800">
      <span aria-hidden="true">⚠ </span>
      {label}: still accepted {secondsSince(revokedAt, now)} after revoke.
      {lane.strategy === 'jwt' && !denylist && (
        <span className="font-normal text-slate-800">
          {' '}
          Its access token stays valid until it expires, and nobody asks the store.{' '}
          {left !== null && (
            <>
              Expires in <strong data-testid="jwt-countdown">{left.toFixed(1)} s</strong>.
            </>
          )}
        </span>
      )}
    </p>
  );
}

export interface OrdersVerdictProps {
  lane: OrdersLane;
  jwtSignedIn: boolean;
  revokedAt: number | null;
  now: number;
  /** Epoch ms when the access token in the browser expires, if known. */
  jwtExpiresAt: number | null;
}

/** The orders service's line: it sees the access token and the JWKS, nothing else. */
export function OrdersVerdict({ lane, jwtSignedIn, revokedAt, now, jwtExpiresAt }: OrdersVerdictProps) {
  const { state } = lane;
  const label = 'Orders service (JWKS only)';
  const testId = 'verdict-orders';
  if (revokedAt === null) {
    const accepted = state.last !== null && state.last.code === null;
    return (
      <p data-testid={testId}>
        {label}:{' '}
        {!jwtSignedIn ? (
          'no access token yet'
        ) : accepted ? (
          <>
            <span aria-hidden="true">✓ </span>accepted
          </>
        ) : state.last ? (
          `refused (${state.last.code})`
        ) : (
          'asking…'
        )}
      </p>
    );
  }
  if (state.firstRejectionAt !== null) {
    return (
      <p data-testid={testId} className="font-semibold text-red-800">
        <span aria-hidden="true">✕ </span>
        {label}: rejected <span data-testid="time-to-rejection-orders">{secondsSince(revokedAt, state.firstRejectionAt)}</span> after revoke
        ({state.firstRejectionCode}).{' '}
        <span className="font-normal text-slate-800">That is when the access token ran out, not when it was revoked.</span>
      </p>
    );
  }
  const left = jwtExpiresAt === null ? null : Math.max(0, (jwtExpiresAt - now) / 1000);
  return (
    <p data-testid={testId} className="font-semibold text-amber-800">
      <span aria-hidden="true">⚠ </span>
      {label}: still accepted {secondsSince(revokedAt, now)} after revoke.{' '}
      <span className="font-normal text-slate-800">
        It checks the signature against the public keys and keeps no store, so neither the revoke nor the denylist can reach it: the token
        is good here until it expires.{' '}
        {left !== null && (
          <>
            Expires in <strong data-testid="orders-countdown">{left.toFixed(1)} s</strong>.
          </>
        )}
      </span>
    </p>
  );
}
