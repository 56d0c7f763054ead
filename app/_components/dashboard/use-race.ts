'use client';

import { useCallback, useEffect, useState } from 'react';
import { useNow } from '@/lib/client/use-now';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import type { Lane } from './use-lane';

/**
 * The revocation race: both lanes poll their `/me` every `intervalMs` (unless paused, and half an
 * interval apart), and a
 * revoke is the instant from which each lane's first rejection is measured, on this page's clock.
 */
export function useRace(session: Lane, jwt: Lane, intervalMs: number) {
  const [paused, setPaused] = useState(false);
  const [revokedAt, setRevokedAt] = useState<number | null>(null);
  const now = useNow(200);
  const { poll: pollSession, login: loginSession, markRevoked: markSession } = session;
  const { poll: pollJwt, login: loginJwt, markRevoked: markJwt } = jwt;

  // The lanes take turns, half an interval apart. Polled together, each request's phases would
  // include the other's work: an unseal awaits WebCrypto several times, and the JWT request runs in
  // between, which made the session's unseal read 3-6 ms instead of about 0.6 ms.
  useEffect(() => {
    if (paused) return;
    const sessionTimer = setInterval(() => void pollSession(), intervalMs);
    let jwtTimer: ReturnType<typeof setInterval> | undefined;
    const offset = setTimeout(() => {
      void pollJwt();
      jwtTimer = setInterval(() => void pollJwt(), intervalMs);
    }, intervalMs / 2);
    return () => {
      clearInterval(sessionTimer);
      clearTimeout(offset);
      clearInterval(jwtTimer);
    };
  }, [paused, intervalMs, pollSession, pollJwt]);

  const markRevoked = useCallback(
    (at: number) => {
      markSession(at);
      markJwt(at);
      setRevokedAt(at);
    },
    [markSession, markJwt],
  );

  const logInBoth = useCallback(async () => {
    setRevokedAt(null);
    await Promise.all([loginSession(DEFAULT_DEMO_USER), loginJwt(DEFAULT_DEMO_USER)]);
  }, [loginSession, loginJwt]);

  const togglePause = useCallback(() => setPaused((on) => !on), []);

  return { now, paused, togglePause, revokedAt, markRevoked, logInBoth };
}
