'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ADMIN_EVENTS_PATH, api } from '@/lib/client/api';
import { useAdminSession } from '@/lib/client/use-admin-session';
import type { DeliveredEvent } from '@/lib/events/events';
import { updateRoster, type RosterEntry, type RosterRevocation } from '@/lib/scenarios/session-roster';
import { usersToLogOut, type SignedInUser } from '@/lib/scenarios/signed-in-users';
import { AdminLogin } from '@/app/admin/_components/admin-login';

const POLL_INTERVAL_MS = 1000;

const time = (at: number) => new Date(at).toLocaleTimeString();

interface LogOutResult {
  at: number;
  users: string[];
  sessionsRevoked: number;
  failures: string[];
}

/**
 * What the server saw of the session flow since the page opened, from the admin event stream:
 * each user's last accepted request, and the session requests refused since a given time. The
 * refusals carry no user: after a revocation the server no longer knows whose cookie it was.
 */
function useSessionTraffic(enabled: boolean) {
  const [lastAccepted, setLastAccepted] = useState<Record<string, number>>({});
  const [refusals, setRefusals] = useState<number[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(ADMIN_EVENTS_PATH);
    source.addEventListener('lookup', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as DeliveredEvent;
      const userId = event.userId;
      if (event.strategy === 'session' && userId !== null) setLastAccepted((current) => ({ ...current, [userId]: event.at }));
    });
    source.addEventListener('rejection', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as DeliveredEvent;
      if (event.strategy === 'session' && event.code === 'session_invalid') setRefusals((current) => [...current, event.at]);
    });
    return () => source.close();
  }, [enabled]);
  return { lastAccepted, refusals };
}

/** The signed-in users, polled from the store, and the one button that logs them all out. */
export function SignedInUsers() {
  const admin = useAdminSession();
  const signedIn = admin.status === 'signed-in' && admin.user !== null;
  const [listing, setListing] = useState<SignedInUser[]>([]);
  const [roster, setRoster] = useState<RosterEntry[]>([]);
  const [pollError, setPollError] = useState<string | null>(null);
  const [revocation, setRevocation] = useState<RosterRevocation | null>(null);
  const [result, setResult] = useState<LogOutResult | null>(null);
  const [busy, setBusy] = useState(false);
  const revocationRef = useRef<RosterRevocation | null>(null);
  const traffic = useSessionTraffic(signedIn);

  const poll = useCallback(async () => {
    const answer = await api.admin.signedInUsers();
    if (!answer.ok) {
      setPollError(answer.error.message);
      return;
    }
    setPollError(null);
    setListing(answer.data.users);
    setRoster((previous) => updateRoster(previous, answer.data.users, revocationRef.current, answer.meta.at));
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    const first = setTimeout(() => void poll(), 0);
    const timer = setInterval(() => void poll(), POLL_INTERVAL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [signedIn, poll]);

  if (!signedIn || admin.user === null) return <AdminLogin checking={admin.status === 'checking'} signIn={admin.signIn} />;
  const actingAdmin = admin.user;
  const targets = usersToLogOut(listing, actingAdmin.id);

  async function logEveryoneOut() {
    setBusy(true);
    const answers = await Promise.all(targets.map(async (user) => ({ user, answer: await api.admin.revoke(user.username) })));
    const revoked = answers.flatMap(({ user, answer }) => (answer.ok ? [{ user, data: answer.data }] : []));
    const at = Math.min(...revoked.map(({ data }) => data.revokedAt));
    const made: RosterRevocation = { at: Number.isFinite(at) ? at : Date.now(), userIds: revoked.map(({ user }) => user.id) };
    revocationRef.current = made;
    setRevocation(made);
    setResult({
      at: made.at,
      users: revoked.map(({ user }) => user.username),
      sessionsRevoked: revoked.reduce((sum, { data }) => sum + data.sessionsRevoked, 0),
      failures: answers.flatMap(({ user, answer }) => (answer.ok ? [] : [`${user.username}: ${answer.error.message}`])),
    });
    setBusy(false);
    await poll();
  }

  const refusedSince = revocation === null ? 0 : traffic.refusals.filter((at) => at >= revocation.at).length;
  const live = roster.filter((entry) => entry.state === 'live');

  return (
    <section
      aria-labelledby="signed-in-heading"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm max-sm:p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="signed-in-heading" className="text-xl font-semibold">
            Signed in right now
          </h2>
          <p className="text-sm text-slate-600">
            Administrator <strong>{actingAdmin.username}</strong> · read from the store every second ·{' '}
            <span data-testid="live-session-count">{live.length}</span> live session{live.length === 1 ? '' : 's'}
          </p>
        </div>
        <button
          type="button"
          onClick={() => void logEveryoneOut()}
          disabled={busy || targets.length === 0}
          className="rounded-md bg-red-700 px-5 py-2.5 text-lg font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Log everyone out now
        </button>
      </div>
      {pollError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          ✕ {pollError}
        </p>
      )}
      {result && (
        <p data-testid="log-out-result" className="rounded-lg bg-red-50 px-4 py-3 text-red-950">
          Revoked at {time(result.at)}: {result.users.length} user{result.users.length === 1 ? '' : 's'} (
          {result.users.join(', ') || 'nobody'}), {result.sessionsRevoked} session{result.sessionsRevoked === 1 ? '' : 's'} deleted from the
          store. Requests refused since: <strong data-testid="refused-since">{refusedSince}</strong> (401 session_invalid).
          {result.failures.length > 0 && ` Not revoked: ${result.failures.join('; ')}.`} You ({actingAdmin.username}) are not logged out:
          the button spares the administrator pressing it.
        </p>
      )}
      {roster.length === 0 ? (
        <p className="text-slate-700">
          Nobody is signed in with a session. Log in on /session as alice or bob in another browser or a private window, and they appear
          here within a second.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" aria-label="Sessions">
            <thead>
              <tr className="border-b border-slate-300 text-sm text-slate-600">
                <th className="py-2 pr-3 font-medium">User</th>
                <th className="py-2 pr-3 font-medium">Session</th>
                <th className="py-2 pr-3 font-medium">Signed in</th>
                <th className="py-2 pr-3 font-medium">User&apos;s last request</th>
                <th className="py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((entry) => {
                const accepted = traffic.lastAccepted[entry.userId];
                return (
                  <tr
                    key={entry.sessionId}
                    data-testid="session-row"
                    data-user={entry.username}
                    data-state={entry.state}
                    className="border-b border-slate-100"
                  >
                    <td className="py-2 pr-3 font-semibold">{entry.username}</td>
                    <td className="py-2 pr-3 font-mono text-sm text-slate-600">{entry.sessionId.slice(0, 10)}…</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{time(entry.createdAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{time(Math.max(accepted ?? 0, entry.lastSeenAt))}</td>
                    <td className="py-2">
                      {entry.state === 'live' && <span className="font-semibold text-emerald-700">● live</span>}
                      {entry.state === 'revoked' && (
                        <span className="font-semibold text-red-700">
                          ✕ revoked{entry.goneAt !== null && ` at ${time(entry.goneAt)}`}{' '}
                          <span className="font-normal text-red-900">· its next request gets 401</span>
                        </span>
                      )}
                      {entry.state === 'ended' && <span className="text-slate-600">ended (logged out or timed out)</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
