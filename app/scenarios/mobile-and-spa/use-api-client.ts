'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Credentials } from '@/lib/client/api';
import { nextStepAfterCall } from '@/lib/scenarios/access-countdown';

/** One answer from the API, as both clients report it. */
export interface ClientOutcome {
  ok: boolean;
  status: number;
  code: string | null;
  /** The access token's expiry (ms) when the answer told it. */
  expiresAtMs: number | null;
}

/** How one kind of client signs in, calls the API and refreshes; where it keeps its tokens is its own business. */
export interface ClientAdapter {
  signIn(credentials: Credentials): Promise<ClientOutcome>;
  callApi(): Promise<ClientOutcome>;
  refresh(): Promise<ClientOutcome>;
  signOut(): Promise<void>;
}

export type ClientStatus = 'signed-out' | 'accepted' | 'locked-out';

export interface Recorded extends ClientOutcome {
  at: number;
}

const CALL_INTERVAL_MS = 1000;

/**
 * A client's life: sign in, call the API every second, refresh when the access token runs out (as
 * real clients do), and stop for good when the API or the refresh refuses it. `refreshNow` is the
 * button: a refusal there leaves the access token in use until it expires.
 */
export function useApiClient(adapter: ClientAdapter) {
  const [status, setStatus] = useState<ClientStatus>('signed-out');
  const [lastCall, setLastCall] = useState<Recorded | null>(null);
  const [lastRefresh, setLastRefresh] = useState<Recorded | null>(null);
  const [expiresAtMs, setExpiresAtMs] = useState<number | null>(null);
  const [lockedOutAt, setLockedOutAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refreshRefused = useRef(false);
  const busy = useRef(false);

  const record = (outcome: ClientOutcome): Recorded => ({ ...outcome, at: Date.now() });

  const refreshNow = useCallback(async () => {
    const outcome = record(await adapter.refresh());
    setLastRefresh(outcome);
    if (outcome.ok) setExpiresAtMs(outcome.expiresAtMs);
    else if (outcome.status === 401) refreshRefused.current = true;
    return outcome;
  }, [adapter]);

  const tick = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const call = record(await adapter.callApi());
      setLastCall(call);
      if (call.ok) {
        setExpiresAtMs(call.expiresAtMs);
        return;
      }
      let step = nextStepAfterCall(call.status, call.code, refreshRefused.current);
      if (step === 'refresh') {
        const refreshed = await refreshNow();
        if (!refreshed.ok && refreshed.status === 401) step = 'locked-out';
      }
      if (step === 'locked-out') {
        setStatus('locked-out');
        setLockedOutAt(call.at);
      }
    } finally {
      busy.current = false;
    }
  }, [adapter, refreshNow]);

  useEffect(() => {
    if (status !== 'accepted') return;
    const timer = setInterval(() => void tick(), CALL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [status, tick]);

  const signIn = useCallback(
    async (credentials: Credentials) => {
      setError(null);
      const outcome = await adapter.signIn(credentials);
      if (!outcome.ok) {
        setError(`Sign-in refused (${outcome.status} ${outcome.code ?? ''})`);
        return;
      }
      refreshRefused.current = false;
      setExpiresAtMs(outcome.expiresAtMs);
      setLastRefresh(null);
      setLockedOutAt(null);
      setLastCall(null);
      setStatus('accepted');
      await tick();
    },
    [adapter, tick],
  );

  const signOut = useCallback(async () => {
    await adapter.signOut();
    setStatus('signed-out');
    setExpiresAtMs(null);
    setLastCall(null);
    setLastRefresh(null);
    setLockedOutAt(null);
  }, [adapter]);

  return { status, lastCall, lastRefresh, expiresAtMs, lockedOutAt, error, signIn, signOut, refreshNow };
}

export type ApiClient = ReturnType<typeof useApiClient>;
