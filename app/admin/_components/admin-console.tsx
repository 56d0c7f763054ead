'use client';

import { useState, type FormEvent } from 'react';
import { api, type RevokeBody } from '@/lib/client/api';
import { useAdminSession } from '@/lib/client/use-admin-session';
import { DEFAULT_DEMO_USER, DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';
import { AdminEvents } from './admin-events';
import { AdminKeys } from './admin-keys';
import { AdminLogin } from './admin-login';
import { AdminSettings } from './admin-settings';
import { TextField } from '@/app/_components/text-field';

const USERNAMES = DEMO_CREDENTIALS.filter((demo) => demo.role === 'user').map((demo) => demo.username);

/** Admin login, then revoke / settings / keys / events. The admin cookie is scoped to /api/admin. */
export function AdminConsole() {
  const admin = useAdminSession();
  const [target, setTarget] = useState<string>(DEFAULT_DEMO_USER.username);
  const [revoke, setRevoke] = useState<RevokeBody | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  async function revokeUser(event: FormEvent) {
    event.preventDefault();
    setRevokeError(null);
    const result = await api.admin.revoke(target);
    if (!result.ok) {
      setRevokeError(result.error.message);
      return;
    }
    setRevoke(result.data);
  }

  if (admin.status !== 'signed-in' || !admin.user) return <AdminLogin checking={admin.status === 'checking'} signIn={admin.signIn} />;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-6 py-4 shadow-sm">
        <p data-testid="admin-signed-in">
          <span aria-hidden="true">✓ </span>Administrator <strong>{admin.user.username}</strong>
        </p>
        <button
          type="button"
          onClick={() => void admin.signOut()}
          className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
        >
          Log out
        </button>
      </div>

      <form
        onSubmit={revokeUser}
        aria-label="Revoke a user"
        className="flex flex-col gap-3 rounded-xl border border-red-200 bg-white p-6 shadow-sm max-sm:p-4"
      >
        <h2 className="text-xl font-semibold">Log a user out everywhere</h2>
        <p className="text-sm text-slate-700">
          Deletes every session and every refresh-token family of the user, and records a “revoked before” mark that the JWT denylist
          enforces when it is on.
        </p>
        <div className="flex flex-wrap items-end gap-3">
          <TextField label="Username" value={target} onChange={setTarget} list="demo-usernames">
            <datalist id="demo-usernames">
              {USERNAMES.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </TextField>
          <button type="submit" className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
            Revoke {target || 'user'}
          </button>
        </div>
        {revoke && (
          <p data-testid="revoke-result" className="text-sm">
            <span aria-hidden="true">✓ </span>Revoked at {new Date(revoke.revokedAt).toLocaleTimeString()}: {revoke.sessionsRevoked}{' '}
            session(s), {revoke.refreshFamiliesRevoked} refresh-token famil{revoke.refreshFamiliesRevoked === 1 ? 'y' : 'ies'}.
          </p>
        )}
        {revokeError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            ✕ {revokeError}
          </p>
        )}
      </form>

      <AdminSettings />
      <AdminKeys />
      <AdminEvents />
    </div>
  );
}
