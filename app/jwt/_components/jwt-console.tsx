'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';

interface MeBody {
  user: { id: string; username: string; role: string };
  token: { jti: string; iat: number; exp: number; kid: string };
}

interface MeCall {
  status: number;
  body: MeBody | { error: string; message: string };
  verifyMs: number | null;
  storeLookups: string | null;
  at: number;
}

function serverTiming(header: string | null, name: string): number | null {
  const match = header?.match(new RegExp(`(?:^|,\\s*)${name};dur=([0-9.]+)`));
  return match?.[1] ? Number(match[1]) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function callMe(): Promise<MeCall> {
  const response = await fetch('/api/jwt/me', { cache: 'no-store' });
  return {
    status: response.status,
    body: (await response.json()) as MeCall['body'],
    verifyMs: serverTiming(response.headers.get('server-timing'), 'verify'),
    storeLookups: response.headers.get('x-store-lookups'),
    at: Date.now(),
  };
}

/**
 * Rotates the refresh token. A 409 means another tab rotated it a moment ago: the browser already
 * holds the successor cookie, so waiting briefly and retrying succeeds.
 */
async function refreshTokens(): Promise<{ ok: boolean; error?: string }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await fetch('/api/jwt/refresh', { method: 'POST', cache: 'no-store' });
    if (response.ok) return { ok: true };
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (response.status !== 409) return { ok: false, error: body.error ?? String(response.status) };
    await sleep(250);
  }
  return { ok: false, error: 'refresh_in_progress' };
}

function isMe(body: MeCall['body']): body is MeBody {
  return 'user' in body;
}

export function JwtConsole() {
  const [me, setMe] = useState<MeCall | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const [events, setEvents] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [loginError, setLoginError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const log = useCallback((line: string) => {
    setEvents((previous) => [`${new Date().toLocaleTimeString()}  ${line}`, ...previous].slice(0, 8));
  }, []);

  /** GET /api/jwt/me; on a 401 refresh once and retry, as any client of short-lived tokens must. */
  const check = useCallback(async (quiet = false) => {
    let call = await callMe();
    if (call.status === 401 && !isMe(call.body) && call.body.error !== 'token_revoked') {
      const reason = call.body.error;
      const refreshed = await refreshTokens();
      if (refreshed.ok) {
        setRefreshes((count) => count + 1);
        log(`/api/jwt/me → 401 ${reason}; POST /api/jwt/refresh → 200, token rotated`);
        call = await callMe();
      } else if (!quiet) {
        log(`/api/jwt/me → 401 ${reason}; POST /api/jwt/refresh → ${refreshed.error}`);
      }
    }
    setMe(call);
    return call;
  }, [log]);

  // On arrival: pick up an existing login (refreshing if needed), but a visitor who never logged
  // in should not see a failed refresh in the event list.
  useEffect(() => {
    void check(true);
  }, [check]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);

  async function login(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setLoginError(null);
    try {
      const response = await fetch('/api/jwt/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
      });
      const body = (await response.json()) as { error?: string; message?: string };
      if (!response.ok) {
        setLoginError(body.message ?? 'Login failed.');
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
      const response = await fetch('/api/jwt/refresh', { method: 'DELETE' });
      log(`DELETE /api/jwt/refresh → ${response.status}, refresh family revoked, cookies cleared`);
      setMe(null);
      setRefreshes(0);
    } finally {
      setBusy(false);
    }
  }

  const current = me && isMe(me.body) ? me.body : null;
  const secondsLeft = current ? Math.max(0, Math.round(current.token.exp - now / 1000)) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <section className="rounded-xl border border-t-4 border-slate-200 border-t-[var(--color-jwt)] bg-white p-6 shadow-sm" aria-label="Account">
        {current ? (
          <div className="flex flex-col gap-4">
            <p className="text-lg">
              Signed in as <strong data-testid="jwt-username">{current.user.username}</strong>{' '}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-sm text-slate-700">{current.user.role}</span>
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" onClick={() => void check()} disabled={busy} className="rounded-lg bg-[var(--color-jwt)] px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-50">
                Call /api/jwt/me
              </button>
              <button type="button" onClick={() => void logout()} disabled={busy} className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 disabled:opacity-50">
                Log out
              </button>
            </div>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="font-medium text-slate-500">Access token cookie</dt>
                <dd className="font-mono">__Host-access-token · Path=/ · SameSite=Lax</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-500">Refresh token cookie</dt>
                <dd className="font-mono">__Secure-refresh-token · Path=/api/jwt/refresh · SameSite=Strict</dd>
              </div>
              <dd className="text-slate-500">Both HttpOnly; Secure on https and localhost (plain http on a LAN address drops Secure and the name prefixes). Log out revokes the refresh token; the access token keeps working until it expires.</dd>
            </dl>
          </div>
        ) : (
          <form onSubmit={(event) => void login(event)} className="flex flex-col gap-4" aria-label="Log in with JWT">
            <h2 className="text-xl font-semibold">Log in</h2>
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium text-slate-600">Username</span>
              <input name="username" autoComplete="username" required defaultValue="alice" className="rounded-lg border border-slate-300 px-3 py-2" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium text-slate-600">Password</span>
              <input name="password" type="password" autoComplete="current-password" required className="rounded-lg border border-slate-300 px-3 py-2" />
            </label>
            {loginError && <p role="alert" className="text-sm text-red-700">{loginError}</p>}
            <button type="submit" disabled={busy} className="rounded-lg bg-[var(--color-jwt)] px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-50">
              {busy ? 'Checking…' : 'Log in'}
            </button>
            <p className="text-sm text-slate-500">Demo accounts: alice / wonderland, bob / the-builder.</p>
          </form>
        )}
      </section>

      <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-label="Access token">
        <h2 className="text-xl font-semibold">GET /api/jwt/me</h2>
        {me === null ? (
          <p className="text-slate-500">Not called yet.</p>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label="Status" value={String(me.status)} testId="jwt-me-status" tone={me.status === 200 ? 'good' : 'bad'} />
              <Stat label="verify" value={me.verifyMs === null ? '–' : `${me.verifyMs.toFixed(3)} ms`} testId="jwt-verify-ms" />
              <Stat label="Store lookups" value={me.storeLookups ?? '–'} testId="jwt-store-lookups" />
              <Stat label="Refreshes" value={String(refreshes)} testId="jwt-refresh-count" />
            </dl>
            {current ? (
              <dl className="grid gap-x-6 gap-y-2 font-mono text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-500">jti</dt>
                <dd data-testid="jwt-jti" className="break-all">{current.token.jti}</dd>
                <dt className="text-slate-500">kid</dt>
                <dd className="break-all">{current.token.kid}</dd>
                <dt className="text-slate-500">issued</dt>
                <dd>{new Date(current.token.iat * 1000).toLocaleTimeString()}</dd>
                <dt className="text-slate-500">expires</dt>
                <dd>
                  {new Date(current.token.exp * 1000).toLocaleTimeString()}{' '}
                  <span data-testid="jwt-expires-in" className={secondsLeft === 0 ? 'text-red-700' : 'text-emerald-700'}>
                    ({secondsLeft === 0 ? 'expired; the next call refreshes' : `in ${secondsLeft} s`})
                  </span>
                </dd>
              </dl>
            ) : (
              <p data-testid="jwt-me-error" className="font-mono text-sm text-red-700">
                {'error' in me.body ? `${me.body.error}: ${me.body.message}` : ''}
              </p>
            )}
          </>
        )}
        <div>
          <h3 className="text-sm font-semibold text-slate-500">Events</h3>
          <ol data-testid="jwt-events" className="mt-1 space-y-0.5 font-mono text-xs text-slate-700">
            {events.length === 0 ? <li className="text-slate-400">none yet</li> : events.map((line, index) => <li key={`${index}-${line}`}>{line}</li>)}
          </ol>
        </div>
      </section>
    </div>
  );
}

function Stat({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'good' | 'bad' }) {
  const color = tone === 'good' ? 'text-emerald-700' : tone === 'bad' ? 'text-red-700' : 'text-slate-900';
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd data-testid={testId} className={`font-mono text-lg font-semibold ${color}`}>{value}</dd>
    </div>
  );
}
