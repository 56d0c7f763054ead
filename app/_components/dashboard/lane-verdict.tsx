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
