'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/lib/client/api';
import { isFirstRefusalAfterRevoke, ordersLaneAsks } from '@/lib/dashboard/orders-lane';
import type { RaceMark } from './types';

const KEEP_MARKS = 400;

export interface OrdersLaneState {
  marks: RaceMark[];
  /** The last answer: status, refusal code and which instance served it. */
  last: { at: number; status: number; code: string | null; instance: string | null } | null;
  firstRejectionAt: number | null;
  firstRejectionCode: string | null;
  error: string | null;
}

const EMPTY: OrdersLaneState = { marks: [], last: null, firstRejectionAt: null, firstRejectionCode: null, error: null };

/**
 * The third lane of the race: the resource service at `path` (same origin, so the browser sends
 * the access-token cookie the JWT lane holds). It asks while the JWT lane is signed in and, after a
 * revoke, until its own first refusal: the JWT lane may stop early (denylist) while the service,
 * which cannot see the denylist, goes on accepting the same cookie. It never refreshes: two lanes
 * rotating one refresh cookie would look like token theft to reuse detection.
 * `path` null: no resource service here, and the lane never asks.
 */
export function useOrdersLane(path: string | null, jwtSignedIn: boolean) {
  const [state, setState] = useState<OrdersLaneState>(EMPTY);
  const signedInRef = useRef(jwtSignedIn);
  const revokedAtRef = useRef<number | null>(null);
  const refusedSinceRevokeRef = useRef(false);
  const inFlight = useRef(false);
  useEffect(() => {
    signedInRef.current = jwtSignedIn;
  }, [jwtSignedIn]);

  const poll = useCallback(async () => {
    if (path === null || inFlight.current) return;
    const progress = () => ({
      jwtSignedIn: signedInRef.current,
      revokedAt: revokedAtRef.current,
      refusedSinceRevoke: refusedSinceRevokeRef.current,
    });
    if (!ordersLaneAsks(progress())) return;
    inFlight.current = true;
    try {
      const answer = await api.orders(path);
      if (!answer.ok && answer.status === 0) {
        setState((current) => ({ ...current, error: 'The orders service did not answer.' }));
        return;
      }
      const { at, instance, status } = answer.meta;
      const code = answer.ok ? null : answer.error.error;
      const kind: RaceMark['kind'] = answer.ok ? 'accepted' : 'rejected';
      const isFirstRejection = isFirstRefusalAfterRevoke(progress(), at, !answer.ok);
      if (isFirstRejection) refusedSinceRevokeRef.current = true;
      setState((current) => ({
        marks: [...current.marks, { at, kind, code, authMs: 0, instance }].slice(-KEEP_MARKS),
        last: { at, status, code, instance },
        firstRejectionAt: isFirstRejection ? at : current.firstRejectionAt,
        firstRejectionCode: isFirstRejection ? code : current.firstRejectionCode,
        error: null,
      }));
    } finally {
      inFlight.current = false;
    }
  }, [path]);

  /** Marks the instant of a revoke: the lane's next refusal is measured from here. */
  const markRevoked = useCallback((at: number) => {
    revokedAtRef.current = at;
    refusedSinceRevokeRef.current = false;
    setState((current) => ({ ...current, firstRejectionAt: null, firstRejectionCode: null }));
  }, []);

  /** A fresh login: no revoke pending any more. */
  const reset = useCallback(() => {
    revokedAtRef.current = null;
    refusedSinceRevokeRef.current = false;
    setState((current) => ({ ...current, firstRejectionAt: null, firstRejectionCode: null }));
  }, []);

  return { path, state, poll, markRevoked, reset };
}

export type OrdersLane = ReturnType<typeof useOrdersLane>;
