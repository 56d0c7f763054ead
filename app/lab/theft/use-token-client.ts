'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One client that keeps its tokens in memory, as a native app does: it refreshes by itself shortly
 * before its access token expires, calls "who am I" with `Authorization: Bearer` every second, and
 * gives up (signed out) when a refresh is refused for good. `real` talks to the app's own endpoints;
 * `no-rotation` to the theft lab's refresh token that is never rotated.
 */
export type TokenFlavor = 'real' | 'no-rotation';

const ENDPOINTS: Record<TokenFlavor, { refreshUrl: string; meUrl: string; refreshBody: (token: string) => object }> = {
  real: { refreshUrl: '/api/jwt/refresh', meUrl: '/api/jwt/me', refreshBody: (token) => ({ refresh_token: token }) },
  'no-rotation': {
    refreshUrl: '/api/lab/theft/refresh',
    meUrl: '/api/lab/theft/me',
    refreshBody: (token) => ({ variant: 'no-rotation', refresh_token: token }),
  },
};

/** Refresh this long before the access token expires, so requests never carry an expired one. */
const REFRESH_AHEAD_MS = 1_000;
/** A `refresh_in_progress` answer says "retry": a memory-only client has no newer token, so it retries the same one. */
const RETRY_AFTER_IN_PROGRESS_MS = 1_000;
const ME_POLL_MS = 1_000;
const ANSWERS_KEPT = 8;

export interface ClientAnswer {
  id: number;
  at: number;
  status: number;
  code: string | null;
  /** Whether the answer came back with a different refresh token than the one sent. */
  rotated: boolean;
}

export interface TokenClientState {
  phase: 'idle' | 'in' | 'out';
  username: string | null;
  accessToken: string | null;
  accessExpiresAt: number | null;
  refreshToken: string | null;
  refreshes: number;
  /** The code of the refusal that signed this client out. */
  endedBy: string | null;
  retryAt: number | null;
  me: { status: number; code: string | null } | null;
  answers: ClientAnswer[];
}

const INITIAL: TokenClientState = {
  phase: 'idle',
  username: null,
  accessToken: null,
  accessExpiresAt: null,
  refreshToken: null,
  refreshes: 0,
  endedBy: null,
  retryAt: null,
  me: null,
  answers: [],
};

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token: string;
}

function isTokenResponse(body: unknown): body is TokenResponse {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.access_token === 'string' && typeof b.expires_in === 'number' && typeof b.refresh_token === 'string';
}

const errorCodeOf = (body: unknown): string | null =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string'
    ? (body as { error: string }).error
    : null;

let answerIds = 0;

export function useTokenClient(flavor: TokenFlavor) {
  const current = useRef<TokenClientState>(INITIAL);
  const [state, setState] = useState<TokenClientState>(INITIAL);
  const [now, setNow] = useState(() => Date.now());
  const refreshing = useRef(false);
  const lastMeAt = useRef(0);
  const endpoints = ENDPOINTS[flavor];

  const commit = useCallback((change: (previous: TokenClientState) => TokenClientState) => {
    current.current = change(current.current);
    setState(current.current);
  }, []);

  /** Takes tokens handed over by a sign-in. */
  const adopt = useCallback(
    (tokens: TokenResponse, username: string) =>
      commit(() => ({
        ...INITIAL,
        phase: 'in',
        username,
        accessToken: tokens.access_token,
        accessExpiresAt: Date.now() + tokens.expires_in * 1000,
        refreshToken: tokens.refresh_token,
      })),
    [commit],
  );

  /** Presents `token` (by default the one held) and keeps what comes back. */
  const refresh = useCallback(
    async (token?: string) => {
      const presented = token ?? current.current.refreshToken;
      if (presented === null || presented === '' || refreshing.current) return;
      refreshing.current = true;
      try {
        const response = await fetch(endpoints.refreshUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(endpoints.refreshBody(presented)),
        });
        const body: unknown = await response.json().catch(() => null);
        const answer = (rotated: boolean): ClientAnswer => ({
          id: (answerIds += 1),
          at: Date.now(),
          status: response.status,
          code: errorCodeOf(body),
          rotated,
        });
        const log = (previous: TokenClientState, entry: ClientAnswer) => [entry, ...previous.answers].slice(0, ANSWERS_KEPT);
        if (response.ok && isTokenResponse(body)) {
          commit((previous) => ({
            ...previous,
            phase: 'in',
            accessToken: body.access_token,
            accessExpiresAt: Date.now() + body.expires_in * 1000,
            refreshToken: body.refresh_token,
            refreshes: previous.refreshes + 1,
            retryAt: null,
            endedBy: null,
            answers: log(previous, answer(body.refresh_token !== presented)),
          }));
        } else if (response.status === 409) {
          commit((previous) => ({
            ...previous,
            refreshToken: presented,
            retryAt: Date.now() + RETRY_AFTER_IN_PROGRESS_MS,
            answers: log(previous, answer(false)),
          }));
        } else {
          // Refused for good: a real client drops everything it held and asks its user to sign in.
          commit((previous) => ({
            ...previous,
            phase: 'out',
            accessToken: null,
            accessExpiresAt: null,
            retryAt: null,
            me: null,
            endedBy: errorCodeOf(body) ?? String(response.status),
            answers: log(previous, answer(false)),
          }));
        }
      } finally {
        refreshing.current = false;
      }
    },
    [commit, endpoints],
  );

  const checkMe = useCallback(async () => {
    const { accessToken } = current.current;
    if (accessToken === null) return;
    const response = await fetch(endpoints.meUrl, { headers: { Authorization: `Bearer ${accessToken}` } });
    const body: unknown = await response.json().catch(() => null);
    const user = (body as { user?: { username?: unknown } } | null)?.user;
    commit((previous) =>
      previous.accessToken !== accessToken
        ? previous
        : {
            ...previous,
            me: { status: response.status, code: errorCodeOf(body) },
            username: typeof user?.username === 'string' ? user.username : previous.username,
          },
    );
  }, [commit, endpoints]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      const held = current.current;
      if (held.phase !== 'in') return;
      const due =
        held.retryAt !== null ? at >= held.retryAt : held.accessExpiresAt !== null && held.accessExpiresAt - at <= REFRESH_AHEAD_MS;
      if (due) void refresh();
      if (at - lastMeAt.current >= ME_POLL_MS) {
        lastMeAt.current = at;
        void checkMe().catch(() => undefined);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [refresh, checkMe]);

  return { state, now, adopt, refresh };
}
