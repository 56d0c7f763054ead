'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type ApiResult, type SessionListEntry, type SessionMeBody } from '@/lib/client/api';
import type { User } from '@/lib/users/users';
import { SessionLoginForm } from './session-login-form';
import { SessionList } from './session-list';

export interface CheckResult {
  status: number;
  serverTiming: string | null;
  storeLookups: number | null;
  error: string | null;
  at: number;
}

const time = (ms: number) => new Date(ms).toLocaleTimeString();

function toCheck(result: ApiResult<SessionMeBody>): CheckResult {
  const { meta } = result;
  return {
    status: result.status,
    serverTiming: meta.serverTiming,
    storeLookups: meta.storeLookups,
    error: result.ok ? null : result.error.error,
    at: meta.at,
  };
}

/**
 * Login form, "who am I" checks with the server's own timings, and the list of this user's
 * sessions. `signedIn`: the page was served with a session cookie, so there is a login to check;
 * a first-time visitor gets the form without any request being made.
 */
export function SessionDemo({ signedIn }: { signedIn: boolean }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(signedIn);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [sessions, setSessions] = useState<SessionListEntry[]>([]);
  const [busy, setBusy] = useState(false);

  const checkMe = useCallback(async () => {
    const result = await api.session.me();
    setCheck(toCheck(result));
    setUser(result.ok ? result.data.user : null);
    setChecking(false);
    return result.ok;
  }, []);

  const loadSessions = useCallback(async () => {
    const result = await api.session.list();
    setSessions(result.ok ? result.data.sessions : []);
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    const arrive = async () => {
      if (await checkMe()) await loadSessions();
    };
    void arrive();
  }, [signedIn, checkMe, loadSessions]);

  async function login(event: FormEvent, credentials: { username: string; password: string }) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.session.login(credentials);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setUser(result.data.user);
    await checkMe();
    await loadSessions();
  }

  async function act(action: () => Promise<ApiResult<unknown>>) {
    setBusy(true);
    await action();
    setBusy(false);
    const ok = await checkMe();
    if (ok) await loadSessions();
    else setSessions([]);
  }

  if (!user)
    return (
      <SessionLoginForm
        checking={checking}
        busy={busy}
        error={error}
        lastCheck={check}
        onLogin={(event, credentials) => void login(event, credentials)}
      />
    );

  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-lg" data-testid="signed-in-as">
          <span aria-hidden="true">✓ </span>Signed in as <strong>{user.username}</strong> ({user.role})
        </p>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => void checkMe()}
            className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50"
          >
            Check /me
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(api.session.logout)}
            className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50"
          >
            Log out
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(api.session.logoutEverywhere)}
            className="rounded-md bg-red-700 px-3 py-2 font-semibold text-white hover:bg-red-800"
          >
            Log out everywhere
          </button>
        </div>
      </div>

      {check && (
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="last-check">
          <h2 className="text-base font-semibold">Last GET /api/session/me at {time(check.at)}</h2>
          <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 font-mono text-sm">
            <dt className="text-slate-600">status</dt>
            <dd>{check.status}</dd>
            <dt className="text-slate-600">Server-Timing</dt>
            <dd className="break-words">{check.serverTiming || '(none)'}</dd>
            <dt className="text-slate-600">X-Store-Lookups</dt>
            <dd>{check.storeLookups ?? '(none)'}</dd>
          </dl>
        </div>
      )}

      <SessionList sessions={sessions} busy={busy} onRevoke={(id) => void act(() => api.session.revoke(id))} />
    </section>
  );
}
