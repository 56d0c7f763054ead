'use client';

import { DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';
import { CredentialInspector } from './credential-inspector';
import type { CostsBody } from '@/lib/client/api';
import { ServerDid } from './server-did';
import type { Lane } from './use-lane';

const DEMO_USERS = DEMO_CREDENTIALS.filter((demo) => demo.role === 'user');

const META = {
  session: {
    title: 'Session cookie',
    tagline: 'The cookie is a sealed pointer. Every request looks the record up in the store.',
    accent: 'border-t-[var(--color-session)]',
    button: 'bg-violet-700 hover:bg-violet-800',
  },
  jwt: {
    title: 'JWT + refresh',
    tagline: 'The access token carries the user. Each request verifies a signature; no store.',
    accent: 'border-t-[var(--color-jwt)]',
    button: 'bg-sky-800 hover:bg-sky-900',
  },
} as const;

const NOT_YET = '--:--:-- --';
const clock = (epochMs: number | undefined) => (epochMs === undefined ? NOT_YET : new Date(epochMs).toLocaleTimeString());

function Account({ lane }: { lane: Lane }) {
  const { state, strategy } = lane;
  if (state.user === null && !state.restoring) {
    return (
      <div className="flex flex-col gap-2">
        <p className="font-medium">Log in as a demo user:</p>
        <div className="flex flex-wrap gap-2">
          {DEMO_USERS.map((demo) => (
            <button
              key={demo.username}
              type="button"
              onClick={() => void lane.login(demo)}
              className={`rounded-md px-3 py-2 font-semibold text-white ${META[strategy].button}`}
            >
              {demo.username} <span className="font-normal opacity-90">/ {demo.password}</span>
            </button>
          ))}
        </div>
        {state.firstRejectionCode && (
          <p className="text-red-800">
            <span aria-hidden="true">✕ </span>Signed out by the server: {state.firstRejectionCode}
          </p>
        )}
        {state.error && (
          <p role="alert" className="text-red-800">
            ✕ {state.error}
          </p>
        )}
      </div>
    );
  }
  // Same height whether the login is confirmed or still being checked.
  return (
    <div className="flex min-h-[1.875rem] items-center justify-between gap-2">
      {state.user ? (
        <p data-testid={`${strategy}-user`}>
          <span aria-hidden="true">✓ </span>Signed in as <strong>{state.user.username}</strong>
        </p>
      ) : (
        <p className="text-slate-700">Checking the login…</p>
      )}
      <button
        type="button"
        disabled={!state.user}
        onClick={() => void lane.logout()}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50"
      >
        Log out
      </button>
    </div>
  );
}

/** The session record the cookie points to (the JWT has none: that is the point). */
function SessionRecord({ lane }: { lane: Lane }) {
  const record = lane.sessionInspection?.record;
  return (
    <div className="rounded-lg bg-slate-50 p-3 text-sm" data-testid={record ? 'session-record' : undefined}>
      <h3 className="font-semibold">
        The record it points to: <span className="font-mono font-normal break-all">{record?.storeKey ?? 'session:…'}</span>
      </h3>
      <p>
        user {record ? `${record.user.username} (${record.user.role})` : '…'} · created {clock(record?.createdAt)} · last seen{' '}
        {clock(record?.lastSeenAt)} · idle deadline {clock(record?.expiresAt)} · absolute {clock(record?.absoluteExpiresAt)}
      </p>
    </div>
  );
}

/** One strategy: login, what the browser holds, what the server did. */
export function StrategyColumn({ lane, compact, library }: { lane: Lane; compact: boolean; library: CostsBody['library'] }) {
  const meta = META[lane.strategy];
  const { state } = lane;
  const showRecord = lane.strategy === 'session' && !compact && (lane.sessionInspection !== null || state.user !== null || state.restoring);
  return (
    <section
      aria-labelledby={`${lane.strategy}-title`}
      data-testid={`column-${lane.strategy}`}
      className={`flex min-w-0 flex-col gap-3 rounded-xl border border-t-4 border-slate-200 bg-white p-4 shadow-sm ${meta.accent}`}
    >
      <header>
        <h2 id={`${lane.strategy}-title`} className="text-2xl font-bold">
          {meta.title}
        </h2>
        {!compact && <p className="text-slate-700">{meta.tagline}</p>}
      </header>
      <Account lane={lane} />
      <CredentialInspector lane={lane} />
      <ServerDid lane={lane} library={library} />
      {showRecord && <SessionRecord lane={lane} />}
    </section>
  );
}
