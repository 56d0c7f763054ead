'use client';

import { useCallback, useRef, useState } from 'react';
import {
  api,
  type ApiResult,
  type Credentials,
  type JwtInspection,
  type RefreshInspection,
  type ResponseMeta,
  type SessionInspection,
} from '@/lib/client/api';
import type { ObservedRequest } from '@/lib/dashboard/request-stats';
import type { User } from '@/lib/users/users';
import { EMPTY_LANE, type LaneState, type RaceMark, type StrategyId } from './types';

const KEEP_REQUESTS = 500;
const KEEP_MARKS = 400;

const ME_PATH: Record<StrategyId, string> = { session: '/api/session/me', jwt: '/api/jwt/me' };
const REFRESH_PATH = '/api/jwt/refresh';

function observe(meta: ResponseMeta): ObservedRequest {
  return {
    at: meta.at,
    status: meta.status,
    phases: meta.phases,
    storeLookups: meta.storeLookups ?? 0,
    storeCommands: meta.storeCommands ?? 0,
    credentialBytes: meta.credentialBytes ?? 0,
    instance: meta.instance,
    cold: meta.coldStart,
  };
}

const errorCode = (result: ApiResult<unknown>) => (result.ok ? null : result.error.error);

/**
 * One column of the dashboard: its login, its `/me` polling (with the refresh dance for JWTs), and
 * what the server said about its credential. Every number comes from the server's own headers.
 * `mayHoldCredential`: the page was served with this strategy's cookie, so there is a login to
 * pick up (the column shows it as being restored until the server has answered).
 */
export function useLane(strategy: StrategyId, mayHoldCredential: boolean) {
  const [state, setState] = useState<LaneState>(() => ({ ...EMPTY_LANE, restoring: mayHoldCredential }));
  const [sessionInspection, setSessionInspection] = useState<SessionInspection | null>(null);
  const [jwtInspection, setJwtInspection] = useState<JwtInspection | null>(null);
  const [refreshInspection, setRefreshInspection] = useState<RefreshInspection | null>(null);
  const revokedAtRef = useRef<number | null>(null);
  const inFlight = useRef(false);
  const userRef = useRef<User | null>(null);

  const me = useCallback(() => (strategy === 'session' ? api.session.me() : api.jwt.me()), [strategy]);

  const inspect = useCallback(async () => {
    if (strategy === 'session') {
      const result = await api.session.inspect();
      setSessionInspection(result.ok ? result.data : null);
      return;
    }
    const [access, refresh] = await Promise.all([api.jwt.inspect(), api.jwt.inspectRefresh()]);
    setJwtInspection(access.ok ? access.data : null);
    setRefreshInspection(refresh.ok ? refresh.data : null);
  }, [strategy]);

  const forget = useCallback(() => {
    userRef.current = null;
    setSessionInspection(null);
    setJwtInspection(null);
    setRefreshInspection(null);
  }, []);

  const record = useCallback(
    (observed: ObservedRequest, code: string | null, path: string, kind: RaceMark['kind'] | null, stop: boolean) => {
      setState((current) => {
        const authMs = observed.phases.reduce((sum, phase) => sum + phase.durationMs, 0);
        const marks =
          kind === null
            ? current.marks
            : [...current.marks, { at: observed.at, kind, code, authMs, instance: observed.instance }].slice(-KEEP_MARKS);
        const isFirstRejection =
          kind === 'rejected' && revokedAtRef.current !== null && current.firstRejectionAt === null && observed.at >= revokedAtRef.current;
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
      // The server cleared the cookies with its rejection: there is nothing left to inspect.
      if (stop) forget();
    },
    [forget],
  );

  const login = useCallback(
    async (credentials: Credentials) => {
      const result = strategy === 'session' ? await api.session.login(credentials) : await api.jwt.login(credentials);
      if (!result.ok) {
        setState((current) => ({ ...current, error: result.error.message }));
        return false;
      }
      userRef.current = result.data.user;
      setState((current) => ({
        ...current,
        user: result.data.user,
        restoring: false,
        error: null,
        firstRejectionAt: null,
        firstRejectionCode: null,
      }));
      await inspect();
      return true;
    },
    [strategy, inspect],
  );

  /** One poll of `/me`. For JWTs an expired (or dropped) access token is refreshed, then asked again. */
  const poll = useCallback(async () => {
    if (userRef.current === null || inFlight.current) return;
    inFlight.current = true;
    try {
      const answer = await me();
      if (!answer.ok && answer.status === 0) {
        const { message } = answer.error;
        setState((current) => ({ ...current, error: message }));
        return;
      }
      const observed = observe(answer.meta);
      const code = errorCode(answer);
      if (answer.ok) {
        record(observed, null, ME_PATH[strategy], 'accepted', false);
        return;
      }
      if (strategy === 'jwt' && (code === 'token_expired' || code === 'unauthenticated')) {
        const refresh = await api.jwt.refresh();
        if (refresh.ok) {
          record(observe(refresh.meta), null, REFRESH_PATH, 'refreshed', false);
          await inspect();
          return;
        }
        // Another tab is rotating this very token (409), or the answer never came: ask again next poll.
        if (errorCode(refresh) === 'refresh_in_progress') return;
        if (refresh.status === 0) {
          setState((current) => ({ ...current, error: refresh.error.message }));
          return;
        }
        record(observed, errorCode(refresh), ME_PATH[strategy], 'rejected', true);
        return;
      }
      record(observed, code, ME_PATH[strategy], 'rejected', true);
    } finally {
      inFlight.current = false;
    }
  }, [strategy, me, record, inspect]);

  /**
   * After a page load: pick up a login this browser already has (cookies survive reloads). Asks
   * only when there is something to ask about: the page saw this strategy's cookie, or (JWT) the
   * browser still holds a refresh cookie after dropping an expired access token.
   */
  const restore = useCallback(async () => {
    let found = mayHoldCredential ? await me() : null;
    if (strategy === 'jwt' && !found?.ok) {
      const presence = await api.jwt.refreshPresence();
      if (presence.ok && presence.data.present && (await api.jwt.refresh()).ok) found = await api.jwt.me();
    }
    if (!found?.ok) {
      setState((current) => ({ ...current, restoring: false }));
      return;
    }
    const user = found.data.user;
    userRef.current = user;
    setState((current) => ({ ...current, user, restoring: false }));
    await inspect();
  }, [strategy, mayHoldCredential, me, inspect]);

  const logout = useCallback(async () => {
    await (strategy === 'session' ? api.session.logout() : api.jwt.logout());
    setState((current) => ({ ...current, user: null }));
    forget();
  }, [strategy, forget]);

  /** Marks the instant of a revoke: the next rejection is measured from here. */
  const markRevoked = useCallback((at: number) => {
    revokedAtRef.current = at;
    setState((current) => ({ ...current, firstRejectionAt: null, firstRejectionCode: null }));
  }, []);

  return { strategy, state, sessionInspection, jwtInspection, refreshInspection, login, poll, restore, logout, markRevoked };
}

export type Lane = ReturnType<typeof useLane>;
