'use client';

import { useMemo, useState } from 'react';
import { api, type RevokeBody } from '@/lib/client/api';
import { useAdminSession } from '@/lib/client/use-admin-session';
import { useNow } from '@/lib/client/use-now';
import { CLOCK_TOLERANCE_SECONDS } from '@/lib/policy';
import { accessCountdown } from '@/lib/scenarios/access-countdown';
import { DEFAULT_DEMO_USER, DEMO_ADMIN, DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';
import { createNativeAdapter, spaAdapter } from './adapters';
import { useApiClient, type ApiClient, type Recorded } from './use-api-client';

const USERS = DEMO_CREDENTIALS.filter((demo) => demo.role === 'user');

const time = (at: number) => new Date(at).toLocaleTimeString();

function Answer({ label, answer, testId }: { label: string; answer: Recorded | null; testId: string }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
      <span className="text-slate-600">{label}</span>
      {answer === null ? (
        <span data-testid={testId} data-status="none">
          —
        </span>
      ) : (
        <span
          data-testid={testId}
          data-status={answer.ok ? 'accepted' : 'refused'}
          className={answer.ok ? 'font-semibold text-emerald-700' : 'font-semibold text-red-700'}
        >
          {answer.status}
          {answer.code ? ` ${answer.code}` : ' OK'} <span className="font-normal text-slate-600">at {time(answer.at)}</span>
        </span>
      )}
    </p>
  );
}

interface ClientPanelProps {
  testId: string;
  title: string;
  how: string;
  client: ApiClient;
  /** Seconds a verifier still accepts the token after exp; 0 where the browser drops the cookie at exp. */
  toleranceSeconds: number;
  toleranceNote: string;
  now: number;
  revokedAt: number | null;
  username: string;
  signInLabel: string;
  refreshLabel: string;
}

function ClientPanel({
  testId,
  title,
  how,
  client,
  toleranceSeconds,
  toleranceNote,
  now,
  revokedAt,
  username,
  signInLabel,
  refreshLabel,
}: ClientPanelProps) {
  const credentials = USERS.find((user) => user.username === username) ?? DEFAULT_DEMO_USER;
  const countdown = client.expiresAtMs === null ? null : accessCountdown(client.expiresAtMs, now, toleranceSeconds);
  const statusText = { 'signed-out': 'signed out', accepted: `● signed in as ${username}`, 'locked-out': '✕ locked out' }[client.status];
  return (
    <section
      aria-labelledby={`${testId}-heading`}
      data-testid={testId}
      data-status={client.status}
      className={`flex flex-col gap-3 rounded-xl border-2 bg-white px-5 py-4 shadow-sm ${client.status === 'locked-out' ? 'border-red-300' : client.status === 'accepted' ? 'border-emerald-300' : 'border-slate-200'}`}
    >
      <div>
        <h2 id={`${testId}-heading`} className="text-xl font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-700">{how}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,12rem)]">
        <div className="flex flex-col gap-1.5">
          <p
            className={`font-semibold ${client.status === 'locked-out' ? 'text-red-700' : client.status === 'accepted' ? 'text-emerald-700' : 'text-slate-600'}`}
          >
            {statusText}
            {client.status === 'locked-out' && client.lockedOutAt !== null && revokedAt !== null && (
              <span data-testid={`${testId}-locked-after`}>
                {' '}
                {((client.lockedOutAt - revokedAt) / 1000).toFixed(1)} s after the revocation
              </span>
            )}
          </p>
          <Answer label="Last GET /api/jwt/me:" answer={client.lastCall} testId={`${testId}-me`} />
          <Answer label="Last refresh:" answer={client.lastRefresh} testId={`${testId}-refresh`} />
        </div>
        <div className="rounded-lg bg-slate-50 px-4 py-3">
          {countdown === null || client.status === 'signed-out' ? (
            <>
              <p className="text-sm text-slate-600">Access token</p>
              <p className="text-3xl font-bold text-slate-500">none</p>
            </>
          ) : (
            <div data-testid={`${testId}-countdown`} data-phase={countdown.phase}>
              <p className="text-sm text-slate-600">
                {countdown.phase === 'valid'
                  ? 'Access token expires in'
                  : countdown.phase === 'tolerated'
                    ? 'Expired; refused in'
                    : 'Access token'}
              </p>
              <p className="text-3xl font-bold tabular-nums">
                {countdown.phase === 'valid' && `${countdown.secondsToExpiry} s`}
                {countdown.phase === 'tolerated' && `${countdown.secondsToRefusal} s`}
                {countdown.phase === 'expired' && 'expired'}
              </p>
            </div>
          )}
          <p className="text-xs text-slate-600">{toleranceNote}</p>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        {client.status === 'accepted' ? (
          <button
            type="button"
            onClick={() => void client.refreshNow()}
            className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
          >
            {refreshLabel}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void client.signIn(credentials)}
            className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700"
          >
            {signInLabel}
          </button>
        )}
      </div>
      {client.error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          ✕ {client.error}
        </p>
      )}
    </section>
  );
}

/** The SPA and the native app side by side on one API, and the admin's revocation that ends both. */
export function SharedApi() {
  const [username, setUsername] = useState<string>(DEFAULT_DEMO_USER.username);
  const native = useMemo(() => createNativeAdapter(), []);
  const spa = useApiClient(spaAdapter);
  const app = useApiClient(native);
  const admin = useAdminSession();
  const now = useNow(250);
  const [revocation, setRevocation] = useState<RevokeBody | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const anySignedIn = spa.status !== 'signed-out' || app.status !== 'signed-out';

  async function revokeUser() {
    setRevokeError(null);
    if (admin.status !== 'signed-in') {
      const login = await admin.signIn({ username: DEMO_ADMIN.username, password: DEMO_ADMIN.password });
      if (!login.ok) {
        setRevokeError(`Administrator login refused: ${login.error.message} Sign in on /admin with this server's admin password first.`);
        return;
      }
    }
    const result = await api.admin.revoke(username);
    if (result.ok) setRevocation(result.data);
    else setRevokeError(result.error.message);
  }

  async function startOver() {
    await Promise.all([spa.signOut(), app.signOut()]);
    setRevocation(null);
  }

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
        <fieldset className="flex flex-wrap items-center gap-4" disabled={anySignedIn}>
          <legend className="sr-only">User</legend>
          <span className="font-semibold">User</span>
          {USERS.map((user) => (
            <label key={user.username} className="flex items-center gap-2">
              <input
                type="radio"
                name="user"
                value={user.username}
                checked={username === user.username}
                onChange={() => setUsername(user.username)}
                className="size-4 accent-violet-700"
              />
              {user.username}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => void revokeUser()}
            disabled={!anySignedIn}
            className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50"
          >
            Revoke {username} everywhere (as admin)
          </button>
          {anySignedIn && (
            <button
              type="button"
              onClick={() => void startOver()}
              className="rounded-md border border-slate-300 px-3 py-2 hover:bg-slate-50"
            >
              Start over
            </button>
          )}
        </div>
      </div>
      {revocation && (
        <p data-testid="revocation" className="rounded-lg bg-red-50 px-4 py-3 text-red-950">
          <strong>Revoked at {time(revocation.revokedAt)}</strong>: {revocation.refreshFamiliesRevoked} refresh-token famil
          {revocation.refreshFamiliesRevoked === 1 ? 'y' : 'ies'} revoked, so every refresh is refused from now on. Access tokens already
          issued are checked without the store (unless the denylist is on) and work until they expire: each client is out within one
          access-token lifetime.
        </p>
      )}
      {revokeError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          ✕ {revokeError}
        </p>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <ClientPanel
          testId="client-spa"
          title="Web SPA in this browser"
          how="POST /api/jwt/login: the tokens arrive as HttpOnly cookies that page scripts cannot read, and go with every same-origin request."
          client={spa}
          toleranceSeconds={0}
          toleranceNote="The cookie's Max-Age equals the token's lifetime: the browser stops sending it at expiry."
          now={now}
          revokedAt={revocation?.revokedAt ?? null}
          username={username}
          signInLabel="Sign in the SPA"
          refreshLabel="Refresh the SPA's tokens now"
        />
        <ClientPanel
          testId="client-native"
          title="Native app (simulated)"
          how="POST /api/jwt/token: the tokens come back as JSON, are kept in a JavaScript variable only (never in any storage), and go as Authorization: Bearer, with no cookies."
          client={app}
          toleranceSeconds={CLOCK_TOLERANCE_SECONDS}
          toleranceNote={`An app holds its token past expiry; servers accept it ${CLOCK_TOLERANCE_SECONDS} s more for clock skew.`}
          now={now}
          revokedAt={revocation?.revokedAt ?? null}
          username={username}
          signInLabel="Sign in the app"
          refreshLabel="Refresh the app's tokens now"
        />
      </div>
      <p className="text-sm text-slate-700">
        Both clients call the same GET /api/jwt/me every second and refresh when their access token runs out, as real clients do. The API
        does not care which one it serves: it verifies the same signature, from a cookie or from a header.
      </p>
    </div>
  );
}
