'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { SessionView } from '@/lib/session/session';

interface User {
  id: string;
  username: string;
  role: string;
}

type SessionInfo = SessionView & { current?: boolean };

interface CheckResult {
  status: number;
  serverTiming: string;
  storeLookups: string;
  body: unknown;
  at: number;
}

const DEMO_USERS = [
  { username: 'alice', password: 'wonderland' },
  { username: 'bob', password: 'the-builder' },
];

const time = (ms: number) => new Date(ms).toLocaleTimeString();

async function readJson(response: Response): Promise<unknown> {
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** Login form, "who am I" checks with the server's own timings, and the list of this user's sessions. */
export function SessionDemo() {
  const [user, setUser] = useState<User | null>(null);
  const [username, setUsername] = useState('alice');
  const [password, setPassword] = useState('wonderland');
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [sessions, setSessions] = useState<SessionInfo[]>([]);
  const [busy, setBusy] = useState(false);

  const checkMe = useCallback(async () => {
    const response = await fetch('/api/session/me', { cache: 'no-store' });
    const body = await readJson(response);
    setCheck({
      status: response.status,
      serverTiming: response.headers.get('server-timing') ?? '',
      storeLookups: response.headers.get('x-store-lookups') ?? '',
      body,
      at: Date.now(),
    });
    setUser(response.ok ? (body as { user: User }).user : null);
    return response.ok;
  }, []);

  const loadSessions = useCallback(async () => {
    const response = await fetch('/api/session/sessions', { cache: 'no-store' });
    if (response.ok) setSessions(((await response.json()) as { sessions: SessionInfo[] }).sessions);
    else setSessions([]);
  }, []);

  useEffect(() => {
    void checkMe().then((ok) => (ok ? loadSessions() : undefined));
  }, [checkMe, loadSessions]);

  async function login(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const response = await fetch('/api/session/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await readJson(response)) as { user?: User; message?: string } | null;
    setBusy(false);
    if (!response.ok) {
      setError(body?.message ?? `Login failed (${response.status})`);
      return;
    }
    setUser(body?.user ?? null);
    await checkMe();
    await loadSessions();
  }

  async function post(path: string, method = 'POST') {
    setBusy(true);
    await fetch(path, { method });
    setBusy(false);
    const ok = await checkMe();
    if (ok) await loadSessions();
    else setSessions([]);
  }

  if (!user) {
    return (
      <section className="grid gap-6 md:grid-cols-2">
        <form onSubmit={login} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-label="Session login">
          <h2 className="text-xl font-semibold">Log in</h2>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Username
            <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" className="rounded-md border border-slate-300 px-3 py-2 text-base" />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Password
            <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" className="rounded-md border border-slate-300 px-3 py-2 text-base" />
          </label>
          <button type="submit" disabled={busy} className="rounded-md bg-violet-700 px-4 py-2 font-semibold text-white hover:bg-violet-800 disabled:opacity-50">
            Log in with a session cookie
          </button>
          {error && <p role="alert" className="text-sm font-medium text-red-700">✕ {error}</p>}
        </form>
        <aside className="rounded-xl border border-slate-200 bg-white p-6 text-sm shadow-sm">
          <h2 className="text-base font-semibold">Demo users</h2>
          <ul className="mt-2 space-y-1">
            {DEMO_USERS.map((demo) => (
              <li key={demo.username}>
                <button type="button" className="font-mono text-violet-700 underline underline-offset-2" onClick={() => { setUsername(demo.username); setPassword(demo.password); }}>
                  {demo.username} / {demo.password}
                </button>
              </li>
            ))}
          </ul>
          {check && check.status !== 200 && <p className="mt-4 text-slate-600">Last check: {check.status} ({(check.body as { error?: string } | null)?.error ?? 'no body'})</p>}
        </aside>
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-lg" data-testid="signed-in-as">
          <span aria-hidden="true">✓ </span>Signed in as <strong>{user.username}</strong> ({user.role})
        </p>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => void checkMe()} className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">Check /me</button>
          <button type="button" disabled={busy} onClick={() => void post('/api/session/logout')} className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50">Log out</button>
          <button type="button" disabled={busy} onClick={() => void post('/api/session/logout-all')} className="rounded-md bg-red-700 px-3 py-2 font-semibold text-white hover:bg-red-800">Log out everywhere</button>
        </div>
      </div>

      {check && (
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="last-check">
          <h2 className="text-base font-semibold">Last GET /api/session/me at {time(check.at)}</h2>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-sm">
            <dt className="text-slate-500">status</dt><dd>{check.status}</dd>
            <dt className="text-slate-500">Server-Timing</dt><dd>{check.serverTiming || '(none)'}</dd>
            <dt className="text-slate-500">X-Store-Lookups</dt><dd>{check.storeLookups || '(none)'}</dd>
          </dl>
        </div>
      )}

      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-base font-semibold">Your sessions ({sessions.length})</h2>
        <ul className="mt-3 divide-y divide-slate-100" data-testid="session-list">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-mono">{session.id.slice(0, 12)}…</span>{' '}
                {session.current && <strong className="rounded bg-violet-100 px-1.5 py-0.5 text-violet-900">this device</strong>}{' '}
                <span className="text-slate-600">since {time(session.createdAt)}, last seen {time(session.lastSeenAt)}, idle deadline {time(session.expiresAt)}</span>
                <span className="block truncate text-xs text-slate-500">{session.userAgent ?? 'unknown browser'}</span>
              </span>
              <button type="button" disabled={busy} onClick={() => void post(`/api/session/sessions/${session.id}`, 'DELETE')} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
                Revoke
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
