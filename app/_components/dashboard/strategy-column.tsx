'use client';

import { useEffect, useState } from 'react';
import { summarize } from '@/lib/dashboard/request-stats';
import type { Lane } from './use-lane';
import type { CookieView } from './types';

const DEMO_USERS = [
  { username: 'alice', password: 'wonderland' },
  { username: 'bob', password: 'the-builder' },
];

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

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${value.toFixed(value < 10 ? 3 : 1)} ms`);
const clock = (epochMs: number) => new Date(epochMs).toLocaleTimeString();

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Flag({ on, label }: { on: boolean; label: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium ${on ? 'bg-emerald-100 text-emerald-900' : 'bg-red-100 text-red-900'}`}>
      <span aria-hidden="true">{on ? '✓' : '✕'}</span>
      {label}
    </span>
  );
}

function CookieFacts({ cookie, testId }: { cookie: CookieView; testId: string }) {
  const a = cookie.attributes;
  return (
    <div data-testid={testId} className="space-y-1">
      <p className="font-mono font-semibold break-all">{cookie.name}</p>
      <div className="flex flex-wrap gap-1.5 text-xs">
        <Flag on={a.httpOnly} label="HttpOnly" />
        <Flag on={a.secure} label="Secure" />
        <span className="rounded bg-slate-100 px-1.5 py-0.5">SameSite={a.sameSite}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5">Path={a.path}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5">Max-Age={a.maxAgeSeconds}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5">{cookie.sizeBytes} bytes</span>
      </div>
      <p className="font-mono text-xs break-all text-slate-600">{cookie.preview}</p>
    </div>
  );
}

/** One strategy: login, what the browser holds, what the server did. */
export function StrategyColumn({ lane, compact }: { lane: Lane; compact: boolean }) {
  const meta = META[lane.strategy];
  const { state } = lane;
  const now = useNow(250);
  const [scriptSees, setScriptSees] = useState<string | null>(null);
  const totals = summarize(state.requests);

  useEffect(() => {
    // The proof, live: what page JavaScript can read of the cookies right now.
    setScriptSees(document.cookie);
  }, [state.user, lane.jwtInspection, lane.sessionInspection]);

  return (
    <section aria-labelledby={`${lane.strategy}-title`} data-testid={`column-${lane.strategy}`} className={`flex flex-col gap-3 rounded-xl border border-t-4 border-slate-200 bg-white p-4 shadow-sm ${meta.accent}`}>
      <header>
        <h2 id={`${lane.strategy}-title`} className="text-2xl font-bold">{meta.title}</h2>
        {!compact && <p className="text-slate-700">{meta.tagline}</p>}
      </header>

      {state.user === null ? (
        <div className="flex flex-col gap-2">
          <p className="font-medium">Log in as a demo user:</p>
          <div className="flex flex-wrap gap-2">
            {DEMO_USERS.map((demo) => (
              <button key={demo.username} type="button" onClick={() => void lane.login(demo.username, demo.password)} className={`rounded-md px-3 py-2 font-semibold text-white ${meta.button}`}>
                {demo.username} <span className="font-normal opacity-80">/ {demo.password}</span>
              </button>
            ))}
          </div>
          {state.firstRejectionCode && <p className="text-red-800"><span aria-hidden="true">✕ </span>Signed out by the server: {state.firstRejectionCode}</p>}
          {state.error && <p role="alert" className="text-red-800">✕ {state.error}</p>}
        </div>
      ) : (
        <div className="flex items-center justify-between gap-2">
          <p data-testid={`${lane.strategy}-user`}><span aria-hidden="true">✓ </span>Signed in as <strong>{state.user.username}</strong></p>
          <button type="button" onClick={() => void lane.logout()} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">Log out</button>
        </div>
      )}

      <div className="rounded-lg bg-slate-50 p-3">
        <h3 className="font-semibold">What the browser holds</h3>
        {lane.strategy === 'session' && lane.sessionInspection && <CookieFacts cookie={lane.sessionInspection.cookie} testId="session-cookie" />}
        {lane.strategy === 'jwt' && lane.jwtInspection && (
          <>
            <CookieFacts cookie={lane.jwtInspection.cookie} testId="jwt-cookie" />
            <div className="mt-2 grid grid-cols-2 gap-2 font-mono text-xs" data-testid="jwt-decoded">
              <pre className="overflow-hidden rounded bg-white p-2">{JSON.stringify(lane.jwtInspection.header, null, 1)}</pre>
              <pre className="overflow-hidden rounded bg-white p-2">{JSON.stringify({ sub: lane.jwtInspection.payload.sub, username: lane.jwtInspection.payload.username, role: lane.jwtInspection.payload.role, jti: String(lane.jwtInspection.payload.jti).slice(0, 10) + '…', iat: lane.jwtInspection.payload.iat, exp: lane.jwtInspection.payload.exp }, null, 1)}</pre>
            </div>
            <p className="mt-1 text-sm" data-testid="jwt-exp-countdown">
              exp in <strong>{Math.max(0, (lane.jwtInspection.payload.exp * 1000 - now) / 1000).toFixed(1)} s</strong> · signature {lane.jwtInspection.signature} (cut short)
            </p>
          </>
        )}
        {lane.strategy === 'jwt' && lane.refreshInspection && (
          <div className="mt-2 border-t border-slate-200 pt-2" data-testid="refresh-family">
            <CookieFacts cookie={lane.refreshInspection.cookie} testId="refresh-cookie" />
            <p className="mt-1 text-sm">
              Refresh family {lane.refreshInspection.family.id}: generation <strong>{lane.refreshInspection.family.generation}</strong> is current
              {lane.refreshInspection.family.generation > 1 ? `, ${lane.refreshInspection.family.generation - 1} rotated away (used once, now dead)` : ''}.
            </p>
            <ol className="mt-1 flex flex-wrap gap-1 text-xs" aria-label="Refresh-token generations">
              {Array.from({ length: lane.refreshInspection.family.generation }, (_, i) => i + 1).slice(-12).map((generation) => (
                <li key={generation} className={`rounded px-1.5 py-0.5 ${generation === lane.refreshInspection!.family.generation ? 'bg-sky-700 text-white' : 'bg-slate-200 text-slate-600 line-through'}`}>
                  #{generation}{generation === lane.refreshInspection!.family.generation ? ' current' : ''}
                </li>
              ))}
            </ol>
          </div>
        )}
        {state.user === null && !lane.sessionInspection && !lane.jwtInspection && <p className="text-slate-600">Nothing yet: log in.</p>}
        <p className="mt-2 text-sm text-slate-700" data-testid={`${lane.strategy}-script-view`}>
          <strong>Scripts can&apos;t read it.</strong> Page JavaScript sees <code className="rounded bg-white px-1">document.cookie = &quot;{scriptSees ?? ''}&quot;</code>: the cookie is HttpOnly. The values above come from the server, redacted so they cannot be replayed.
        </p>
      </div>

      <div className="rounded-lg bg-slate-50 p-3" data-testid={`${lane.strategy}-server-did`}>
        <h3 className="font-semibold">What the server did (last request)</h3>
        {state.last ? (
          <>
            <p className="text-sm">
              GET {state.last.path}: <strong>{state.last.status}</strong>{state.last.code ? ` ${state.last.code}` : ''}
              {state.last.instance && <span className="text-slate-600"> · answered by instance {state.last.instance}</span>}
            </p>
            <ul className="mt-1 flex flex-wrap gap-2 font-mono text-sm">
              {state.last.phases.map((phase, index) => (
                <li key={`${phase.name}-${index}`} data-testid={`${lane.strategy}-phase-${phase.name}`} className="rounded bg-white px-2 py-0.5">
                  {phase.name} <strong>{ms(phase.durationMs)}</strong>
                </li>
              ))}
              <li className="rounded bg-white px-2 py-0.5" data-testid={`${lane.strategy}-lookups`}>store lookups <strong>{state.last.storeLookups}</strong></li>
            </ul>
          </>
        ) : (
          <p className="text-sm text-slate-600">No request yet.</p>
        )}
        <dl className="mt-2 grid grid-cols-5 gap-1 text-center text-xs" data-testid={`${lane.strategy}-totals`}>
          <div><dt className="text-slate-500">requests</dt><dd className="text-base font-semibold">{totals.requests}</dd></div>
          <div><dt className="text-slate-500">lookups</dt><dd className="text-base font-semibold">{totals.lookups}</dd></div>
          <div><dt className="text-slate-500">lookups/req</dt><dd className="text-base font-semibold">{totals.lookupsPerRequest.toFixed(2)}</dd></div>
          <div><dt className="text-slate-500">bytes/req</dt><dd className="text-base font-semibold">{Math.round(totals.credentialBytesPerRequest)}</dd></div>
          <div><dt className="text-slate-500">median auth</dt><dd className="text-base font-semibold">{ms(totals.medianAuthMs)}</dd></div>
        </dl>
      </div>

      {lane.strategy === 'session' && lane.sessionInspection && !compact && (
        <div className="rounded-lg bg-slate-50 p-3 text-sm" data-testid="session-record">
          <h3 className="font-semibold">The record it points to: <span className="font-mono font-normal">{lane.sessionInspection.record.storeKey}</span></h3>
          <p>
            user {lane.sessionInspection.record.user.username} ({lane.sessionInspection.record.user.role}) · created {clock(lane.sessionInspection.record.createdAt)} · last seen {clock(lane.sessionInspection.record.lastSeenAt)} · idle deadline {clock(lane.sessionInspection.record.expiresAt)} · absolute {clock(lane.sessionInspection.record.absoluteExpiresAt)}
          </p>
        </div>
      )}
    </section>
  );
}
