import type { SessionListEntry } from '@/lib/client/api';

const time = (ms: number) => new Date(ms).toLocaleTimeString();

/** The user's live sessions, one per browser or device, each revocable. */
export function SessionList({ sessions, busy, onRevoke }: { sessions: SessionListEntry[]; busy: boolean; onRevoke(id: string): void }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-base font-semibold">Your sessions ({sessions.length})</h2>
      <ul className="mt-3 divide-y divide-slate-100" data-testid="session-list">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span className="min-w-0">
              <span className="font-mono">{session.id.slice(0, 12)}…</span>{' '}
              {session.current && <strong className="rounded bg-violet-100 px-1.5 py-0.5 text-violet-900">this device</strong>}{' '}
              <span className="text-slate-600">
                since {time(session.createdAt)}, last seen {time(session.lastSeenAt)}, idle deadline {time(session.expiresAt)}
              </span>
              <span className="block text-xs break-words text-slate-600">{session.userAgent ?? 'unknown browser'}</span>
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() => onRevoke(session.id)}
              className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
