'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type ApiResult, type JwtMeBody } from '@/lib/client/api';
import { phaseDuration } from '@/lib/client/server-timing';
import { JwtAccount } from './jwt-account';
import { JwtMePanel, type MeCall } from './jwt-me-panel';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function toCall(result: ApiResult<JwtMeBody>): MeCall {
  const { meta } = result;
  const outcome = result.ok ? { ok: true as const, body: result.data } : { ok: false as const, error: result.error };
  return {
    status: result.status,
    ...outcome,
    verifyMs: phaseDuration(meta.phases, 'verify'),
    storeLookups: meta.storeLookups,
    at: meta.at,
  };
}

/**
 * Rotates the refresh token. A 409 means another tab rotated it a moment ago: the browser already
 * holds the successor cookie, so waiting briefly and retrying succeeds.
 */
async function refreshTokens(): Promise<{ ok: boolean; error?: string }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const result = await api.jwt.refresh();
    if (result.ok) return { ok: true };
    if (result.status !== 409) return { ok: false, error: result.error.error };
    await sleep(250);
  }
  return { ok: false, error: 'refresh_in_progress' };
}

/**
 * The JWT page's state. `hasAccessToken`: the page was served with an access-token cookie. Without
 * one, it asks whether a refresh cookie is left (the browser drops the access cookie when the token
 * expires) before refreshing, so a visitor who never logged in makes no request that must fail.
 */
export function JwtConsole({ hasAccessToken }: { hasAccessToken: boolean }) {
  const [me, setMe] = useState<MeCall | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const [events, setEvents] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [loginError, setLoginError] = useState<string | null>(null);

  const log = useCallback((line: string) => {
    setEvents((previous) => [`${new Date().toLocaleTimeString()}  ${line}`, ...previous].slice(0, 8));
  }, []);

  /** GET /api/jwt/me; on a 401 refresh once and retry, as any client of short-lived tokens must. */
  const check = useCallback(
    async (quiet = false) => {
      let call = toCall(await api.jwt.me());
      if (call.status === 401 && !call.ok && call.error.error !== 'token_revoked') {
        const reason = call.error.error;
        const refreshed = await refreshTokens();
        if (refreshed.ok) {
          setRefreshes((count) => count + 1);
          log(`/api/jwt/me → 401 ${reason}; POST /api/jwt/refresh → 200, token rotated`);
          call = toCall(await api.jwt.me());
        } else if (!quiet) {
          log(`/api/jwt/me → 401 ${reason}; POST /api/jwt/refresh → ${refreshed.error}`);
        }
      }
      setMe(call);
      return call;
    },
    [log],
  );

  // On arrival: pick up an existing login (refreshing if needed), quietly.
  useEffect(() => {
    const arrive = async () => {
      if (hasAccessToken) {
        await check(true);
        return;
      }
      const presence = await api.jwt.refreshPresence();
      if (!presence.ok || !presence.data.present) return;
      const refreshed = await refreshTokens();
      if (!refreshed.ok) return;
      setRefreshes((count) => count + 1);
      log('no access token (expired); POST /api/jwt/refresh → 200, token rotated');
      setMe(toCall(await api.jwt.me()));
    };
    void arrive();
  }, [hasAccessToken, check, log]);

  async function login(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setLoginError(null);
    try {
      const result = await api.jwt.login({ username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') });
      if (!result.ok) {
        setLoginError(result.error.message);
        return;
      }
      log('POST /api/jwt/login → 200, cookies set');
      await check();
    } finally {
      setBusy(false);
    }
  }

  async function logout() {
    setBusy(true);
    try {
      const result = await api.jwt.logout();
      log(`DELETE /api/jwt/refresh → ${result.status}, refresh family revoked, cookies cleared`);
      setMe(null);
      setRefreshes(0);
    } finally {
      setBusy(false);
    }
  }

  const current = me?.ok ? me.body : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <JwtAccount
        user={current?.user ?? null}
        busy={busy}
        loginError={loginError}
        onLogin={(event) => void login(event)}
        onCheck={() => void check()}
        onLogout={() => void logout()}
      />
      <JwtMePanel me={me} refreshes={refreshes} events={events} />
    </div>
  );
}
