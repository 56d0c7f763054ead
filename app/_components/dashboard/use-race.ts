'use client';

import { useCallback, useEffect, useState } from 'react';
import { useNow } from '@/lib/client/use-now';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import type { Lane } from './use-lane';
import type { OrdersLane } from './use-orders-lane';

/**
 * The revocation race: the lanes poll every `intervalMs` (unless paused), each in its own slot of
 * the interval, and a revoke is the instant from which each lane's first rejection is measured, on
 * this page's clock. The orders lane takes part only when a resource service runs here.
 */
export function useRace(session: Lane, jwt: Lane, orders: OrdersLane, intervalMs: number) {
  const [paused, setPaused] = useState(false);
  const [revokedAt, setRevokedAt] = useState<number | null>(null);
  const now = useNow(200);
  const { poll: pollSession, login: loginSession, markRevoked: markSession } = session;
  const { poll: pollJwt, login: loginJwt, markRevoked: markJwt } = jwt;
  const { poll: pollOrders, markRevoked: markOrders, reset: resetOrders, path: ordersPath } = orders;

  // The lanes take turns, an equal share of the interval apart. Polled together, each request's
  // phases would include the other's work: an unseal awaits WebCrypto several times, and the JWT
  // request runs in between, which made the session's unseal read 3-6 ms instead of about 0.6 ms.
  useEffect(() => {
    if (paused) return;
    const polls = ordersPath === null ? [pollSession, pollJwt] : [pollSession, pollJwt, pollOrders];
    const timers: ReturnType<typeof setInterval>[] = [];
    const offsets = polls.map((poll, slot) =>
      setTimeout(
        () => {
          void poll();
          timers.push(setInterval(() => void poll(), intervalMs));
        },
        (slot * intervalMs) / polls.length,
      ),
    );
    return () => {
      offsets.forEach(clearTimeout);
      timers.forEach(clearInterval);
    };
  }, [paused, intervalMs, pollSession, pollJwt, pollOrders, ordersPath]);

  const markRevoked = useCallback(
    (at: number) => {
      markSession(at);
      markJwt(at);
      markOrders(at);
      setRevokedAt(at);
    },
    [markSession, markJwt, markOrders],
  );

  const logInBoth = useCallback(async () => {
    setRevokedAt(null);
    resetOrders();
    await Promise.all([loginSession(DEFAULT_DEMO_USER), loginJwt(DEFAULT_DEMO_USER)]);
  }, [loginSession, loginJwt, resetOrders]);

  const togglePause = useCallback(() => setPaused((on) => !on), []);

  return { now, paused, togglePause, revokedAt, markRevoked, logInBoth };
}
