'use client';

import { useCallback, useRef, useState } from 'react';
import { parseServerTiming } from '@/lib/client/server-timing';
import type { ObservedRequest } from '@/lib/dashboard/request-stats';
import { EMPTY_LANE, type JwtInspection, type LaneState, type RaceMark, type RefreshInspection, type SessionInspection, type StrategyId, type User } from './types';

const KEEP_REQUESTS = 500;
const KEEP_MARKS = 400;

const PATHS: Record<StrategyId, { login: string; me: string; logout: { path: string; method: string } }> = {
  session: { login: '/api/session/login', me: '/api/session/me', logout: { path: '/api/session/logout', method: 'POST' } },
  jwt: { login: '/api/jwt/login', me: '/api/jwt/me', logout: { path: '/api/jwt/refresh', method: 'DELETE' } },
};

function observe(response: Response): ObservedRequest {
  return {
    at: Date.now(),
    status: response.status,
    phases: parseServerTiming(response.headers.get('server-timing')),
    storeLookups: Number(response.headers.get('x-store-lookups') ?? '0'),
    credentialBytes: Number(response.headers.get('x-credential-bytes') ?? '0'),
    instance: response.headers.get('x-instance'),
  };
}

async function errorCode(response: Response): Promise<string | null> {
  if (response.ok) return null;
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `http_${response.status}`;
}

/**
 * One column of the dashboard: its login, its `/me` polling (with the refresh dance for JWTs), and
 * what the server said about its credential. Every number comes from the server's own headers.
 */
export function useLane(strategy: StrategyId) {
  const [state, setState] = useState<LaneState>(EMPTY_LANE);
  const [sessionInspection, setSessionInspection] = useState<SessionInspection | null>(null);
  const [jwtInspection, setJwtInspection] = useState<JwtInspection | null>(null);
  const [refreshInspection, setRefreshInspection] = useState<RefreshInspection | null>(null);
  const revokedAtRef = useRef<number | null>(null);
  const inFlight = useRef(false);
  const userRef = useRef<User | null>(null);

  const inspect = useCallback(async () => {
    if (strategy === 'session') {
      const response = await fetch('/api/session/inspect', { cache: 'no-store' });
      setSessionInspection(response.ok ? ((await response.json()) as SessionInspection) : null);
      return;
    }
    const [access, refresh] = await Promise.all([fetch('/api/jwt/inspect', { cache: 'no-store' }), fetch('/api/jwt/refresh', { cache: 'no-store' })]);
    setJwtInspection(access.ok ? ((await access.json()) as JwtInspection) : null);
    setRefreshInspection(refresh.ok ? ((await refresh.json()) as RefreshInspection) : null);
  }, [strategy]);

  const record = useCallback((observed: ObservedRequest, code: string | null, path: string, kind: RaceMark['kind'] | null, stop: boolean) => {
    setState((current) => {
      const authMs = observed.phases.reduce((sum, phase) => sum + phase.durationMs, 0);
      const marks = kind === null ? current.marks : [...current.marks, { at: observed.at, kind, code, authMs }].slice(-KEEP_MARKS);
      const isFirstRejection = kind === 'rejected' && revokedAtRef.current !== null && current.firstRejectionAt === null && observed.at >= revokedAtRef.current;
      return {
        ...current,
        user: stop ? null : current.user,
        requests: path.endsWith('/me') ? [...current.requests, observed].slice(-KEEP_REQUESTS) : current.requests,
        marks,
        last: path.endsWith('/me') ? { ...observed, code, path } : current.last,
        firstRejectionAt: isFirstRejection ? observed.at : current.firstRejectionAt,
        firstRejectionCode: isFirstRejection ? code : current.firstRejectionCode,
      };
    });
    if (stop) {
      // The server cleared the cookies with its rejection: there is nothing left to inspect.
      userRef.current = null;
      setSessionInspection(null);
      setJwtInspection(null);
      setRefreshInspection(null);
    }
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const response = await fetch(PATHS[strategy].login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = (await response.json().catch(() => null)) as { user?: User; message?: string } | null;
    if (!response.ok || !body?.user) {
      setState((current) => ({ ...current, error: body?.message ?? `Login failed (${response.status})` }));
      return false;
    }
    userRef.current = body.user;
    setState((current) => ({ ...current, user: body.user ?? null, error: null, firstRejectionAt: null, firstRejectionCode: null }));
    await inspect();
    return true;
  }, [strategy, inspect]);

  /** One poll of `/me`. For JWTs an expired (or dropped) access token is refreshed, then asked again. */
  const poll = useCallback(async () => {
    if (userRef.current === null || inFlight.current) return;
    inFlight.current = true;
    try {
      const me = await fetch(PATHS[strategy].me, { cache: 'no-store' });
      const observed = observe(me);
      const code = await errorCode(me);
      if (me.ok) {
        record(observed, null, PATHS[strategy].me, 'accepted', false);
        return;
      }
      const expired = code === 'token_expired' || code === 'unauthenticated';
      if (strategy === 'jwt' && expired) {
        const refresh = await fetch('/api/jwt/refresh', { method: 'POST', cache: 'no-store' });
        const refreshCode = await errorCode(refresh);
        if (refresh.ok) {
          record(observe(refresh), null, '/api/jwt/refresh', 'refreshed', false);
          await inspect();
          return;
        }
        if (refreshCode === 'refresh_in_progress') return;
        record(observed, refreshCode, PATHS[strategy].me, 'rejected', true);
        return;
      }
      record(observed, code, PATHS[strategy].me, 'rejected', true);
    } catch {
      setState((current) => ({ ...current, error: 'The server did not answer.' }));
    } finally {
      inFlight.current = false;
    }
  }, [strategy, record, inspect]);

  /** After a page load: pick up a login this browser already has (cookies survive reloads). */
  const restore = useCallback(async () => {
    let me = await fetch(PATHS[strategy].me, { cache: 'no-store' });
    if (!me.ok && strategy === 'jwt') {
      const refresh = await fetch('/api/jwt/refresh', { method: 'POST', cache: 'no-store' });
      if (refresh.ok) me = await fetch(PATHS[strategy].me, { cache: 'no-store' });
    }
    if (!me.ok) return;
    const body = (await me.json()) as { user: User };
    userRef.current = body.user;
    setState((current) => ({ ...current, user: body.user }));
    await inspect();
  }, [strategy, inspect]);

  const logout = useCallback(async () => {
    await fetch(PATHS[strategy].logout.path, { method: PATHS[strategy].logout.method });
    userRef.current = null;
    setState((current) => ({ ...current, user: null }));
    setSessionInspection(null);
    setJwtInspection(null);
    setRefreshInspection(null);
  }, [strategy]);

  /** Marks the instant of a revoke: the next rejection is measured from here. */
  const markRevoked = useCallback((at: number) => {
    revokedAtRef.current = at;
    setState((current) => ({ ...current, firstRejectionAt: null, firstRejectionCode: null }));
  }, []);

  const clearHistory = useCallback(() => setState((current) => ({ ...current, requests: [], marks: [], last: null })), []);

  return { strategy, state, sessionInspection, jwtInspection, refreshInspection, login, poll, restore, logout, inspect, markRevoked, clearHistory };
}

export type Lane = ReturnType<typeof useLane>;
