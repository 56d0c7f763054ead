'use client';

import { useState, type ReactNode } from 'react';
import { POLL_INTERVALS_MS } from '@/lib/dashboard/url-state';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { LaneVerdict, OrdersVerdict } from './lane-verdict';
import { OrdersNotRunning } from './orders-panel';
import { RaceTimeline, type TimelineLane } from './race-timeline';
import type { Lane } from './use-lane';
import type { OrdersLane } from './use-orders-lane';

export interface RaceSectionProps {
  session: Lane;
  jwt: Lane;
  /** The resource service's lane; null when ORDERS_SERVICE_PATH is unset. */
  orders: OrdersLane | null;
  now: number;
  revokedAt: number | null;
  denylist: boolean;
  present: boolean;
  interval: number;
  onInterval(ms: number): void;
  paused: boolean;
  onTogglePause(): void;
  onLogInBoth(): void;
  /** The admin controls, beside the timeline. */
  children: ReactNode;
}

const LEGEND =
  "● accepted · ↻ refreshed · ✕ rejected (reason shown) · times measured in this browser from the server's revoke confirmation";

const LESSON = {
  denylist:
    'With the denylist on, every JWT request asks the store, so the token died at its next request, like the session. ' +
    'The price: one store lookup per request, which is what JWTs were meant to avoid.',
  plain:
    'The session died at its next lookup: its record was gone. The JWT needs no lookup, so it kept working until its access token ' +
    'expired; only then did the refresh, which the server can revoke, fail.',
  orders:
    'The orders service held out until the access token expired, denylist or not: it has the public keys and nothing else, ' +
    'so a revoke is news only to the services that read the store.',
};

/** The revocation race: both lanes on one timeline, the verdicts, and the presenter's controls. */
export function RaceSection(props: RaceSectionProps) {
  const { session, jwt, orders, now, revokedAt, denylist, present } = props;
  const jwtExpiresAt = jwt.jwtInspection ? jwt.jwtInspection.payload.exp * 1000 : null;
  // The JWT lane forgets its token when it is refused (denylist), but the browser still sends it
  // to the orders service until it expires: that lane counts down to the last expiry seen.
  const [lastJwtExpiresAt, setLastJwtExpiresAt] = useState<number | null>(null);
  if (jwtExpiresAt !== null && jwtExpiresAt !== lastJwtExpiresAt) setLastJwtExpiresAt(jwtExpiresAt);
  const over = revokedAt !== null && jwt.state.firstRejectionAt !== null && session.state.firstRejectionAt !== null;
  const ordersOver = over && orders !== null && orders.state.firstRejectionAt !== null;
  const lanes: TimelineLane[] = [
    { id: 'session', label: 'Session', marks: session.state.marks },
    { id: 'jwt', label: 'JWT', marks: jwt.state.marks },
  ];
  if (orders !== null) lanes.push({ id: 'orders', label: 'Orders', marks: orders.state.marks, service: true });
  return (
    <section aria-labelledby="race-title" data-testid="race" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="race-title" className="text-2xl font-bold">
          The revocation race
        </h2>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button
            type="button"
            onClick={props.onLogInBoth}
            className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700"
          >
            Log in both as {DEFAULT_DEMO_USER.username} <kbd className="ml-1 rounded bg-slate-700 px-1 font-normal">l</kbd>
          </button>
          <label className="flex items-center gap-1">
            poll every
            <select
              value={props.interval}
              onChange={(e) => props.onInterval(Number(e.target.value))}
              className="rounded-md border border-slate-300 px-1 py-1"
              aria-label="Poll interval"
            >
              {POLL_INTERVALS_MS.map((value) => (
                <option key={value} value={value}>
                  {value >= 1000 ? `${value / 1000} s` : `${value} ms`}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={props.onTogglePause}
            aria-pressed={props.paused}
            className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
          >
            {props.paused ? '▶ Resume' : '❚❚ Pause'} <kbd className="ml-1 rounded bg-slate-200 px-1">space</kbd>
          </button>
        </div>
      </div>
      <div className="mt-2 grid gap-4 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0">
          <RaceTimeline now={now} revokedAt={revokedAt} lanes={lanes} />
          {orders === null && <OrdersNotRunning />}
          <div className={`mt-1 space-y-1 ${present ? 'text-xl' : 'text-base'}`} aria-live="polite">
            <LaneVerdict lane={session} revokedAt={revokedAt} now={now} denylist={denylist} jwtExpiresAt={null} />
            <LaneVerdict lane={jwt} revokedAt={revokedAt} now={now} denylist={denylist} jwtExpiresAt={jwtExpiresAt} />
            {orders !== null && (
              <OrdersVerdict
                lane={orders}
                jwtSignedIn={jwt.state.user !== null}
                revokedAt={revokedAt}
                now={now}
                jwtExpiresAt={lastJwtExpiresAt}
              />
            )}
          </div>
          {over && (
            <p className="mt-2 max-w-3xl text-slate-800" data-testid="race-lesson">
              {denylist ? LESSON.denylist : LESSON.plain}
              {ordersOver && <span data-testid="race-lesson-orders"> {LESSON.orders}</span>}
            </p>
          )}
          <p className="mt-1 text-xs text-slate-600">{LEGEND}</p>
        </div>
        {props.children}
      </div>
    </section>
  );
}
