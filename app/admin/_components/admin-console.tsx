'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AdminEvents } from './admin-events';
import { AdminKeys } from './admin-keys';
import { AdminSettings } from './admin-settings';

interface AdminUser {
  username: string;
  role: string;
}

interface RevokeResult {
  revokedAt: number;
  sessionsRevoked: number;
  refreshFamiliesRevoked: number;
}

/** Admin login, then revoke / settings / keys / events. The admin cookie is scoped to /api/admin. */
export function AdminConsole() {
  const [admin, setAdmin] = useState<AdminUser | null>(null);
  const [checked, setChecked] = useState(false);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('control-room');
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState('alice');
  const [revoke, setRevoke] = useState<RevokeResult | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const response = await fetch('/api/admin/me', { cache: 'no-store' });
    setAdmin(response.ok ? ((await response.json()) as { user: AdminUser }).user : null);
    setChecked(true);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function login(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const response = await fetch('/api/admin/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!response.ok) {
      setError(((await response.json().catch(() => null)) as { message?: string } | null)?.message ?? `Login failed (${response.status})`);
      return;
    }
    await refresh();
  }

  async function revokeUser(event: FormEvent) {
    event.preventDefault();
    setRevokeError(null);
    const response = await fetch('/api/admin/revoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: target }) });
    const body = (await response.json().catch(() => null)) as (RevokeResult & { message?: string }) | null;
    if (!response.ok || body === null) {
      setRevokeError(body?.message ?? `Revoke failed (${response.status})`);
      return;
    }
    setRevoke(body);
  }

  async function logout() {
    await fetch('/api/admin/logout', { method: 'POST' });
    await refresh();
  }

  if (!checked) return <p className="text-slate-600">Checking admin session…</p>;

  if (!admin) {
    return (
      <form onSubmit={login} aria-label="Admin login" className="flex max-w-md flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-xl font-semibold">Administrator login</h2>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Username
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" className="rounded-md border border-slate-300 px-3 py-2 text-base" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Password
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" className="rounded-md border border-slate-300 px-3 py-2 text-base" />
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">Log in as administrator</button>
        <p className="text-sm text-slate-600">Demo: admin / control-room. The cookie it sets is sent to /api/admin only.</p>
        {error && <p role="alert" className="text-sm font-medium text-red-700">✕ {error}</p>}
      </form>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center justify-between rounded-xl border border-slate-200 bg-white px-6 py-4 shadow-sm">
        <p data-testid="admin-signed-in"><span aria-hidden="true">✓ </span>Administrator <strong>{admin.username}</strong></p>
        <button type="button" onClick={() => void logout()} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">Log out</button>
      </div>

      <form onSubmit={revokeUser} aria-label="Revoke a user" className="flex flex-col gap-3 rounded-xl border border-red-200 bg-white p-6 shadow-sm">
        <h2 className="text-xl font-semibold">Log a user out everywhere</h2>
        <p className="text-sm text-slate-700">Deletes every session and every refresh-token family of the user, and records a “revoked before” mark that the JWT denylist enforces when it is on.</p>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Username
            <input value={target} onChange={(e) => setTarget(e.target.value)} list="demo-usernames" className="rounded-md border border-slate-300 px-3 py-2 text-base" />
            <datalist id="demo-usernames"><option value="alice" /><option value="bob" /></datalist>
          </label>
          <button type="submit" className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">Revoke {target || 'user'}</button>
        </div>
        {revoke && (
          <p data-testid="revoke-result" className="text-sm">
            <span aria-hidden="true">✓ </span>Revoked at {new Date(revoke.revokedAt).toLocaleTimeString()}: {revoke.sessionsRevoked} session(s), {revoke.refreshFamiliesRevoked} refresh-token famil{revoke.refreshFamiliesRevoked === 1 ? 'y' : 'ies'}.
          </p>
        )}
        {revokeError && <p role="alert" className="text-sm font-medium text-red-700">✕ {revokeError}</p>}
      </form>

      <AdminSettings />
      <AdminKeys />
      <AdminEvents />
    </div>
  );
}
