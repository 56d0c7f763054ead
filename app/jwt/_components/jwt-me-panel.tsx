'use client';

import type { ApiError, JwtMeBody } from '@/lib/client/api';
import { useNow } from '@/lib/client/use-now';

/** One call of GET /api/jwt/me as the page saw it. */
export type MeCall = { status: number; verifyMs: number | null; storeLookups: number | null; at: number } & (
  { ok: true; body: JwtMeBody } | { ok: false; error: ApiError }
);

function Stat({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'good' | 'bad' }) {
  const color = tone === 'good' ? 'text-emerald-700' : tone === 'bad' ? 'text-red-700' : 'text-slate-900';
  return (
    <div className="min-w-0 rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd data-testid={testId} className={`font-mono text-lg font-semibold ${color}`}>
        {value}
      </dd>
    </div>
  );
}

/** The last GET /api/jwt/me: status and the server's own numbers, the token's claims, and what happened. */
export function JwtMePanel({ me, refreshes, events }: { me: MeCall | null; refreshes: number; events: string[] }) {
  const now = useNow(500);
  const current = me?.ok ? me.body : null;
  const secondsLeft = current ? Math.max(0, Math.round(current.token.exp - now / 1000)) : null;
  return (
    <section
      className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm max-sm:p-4"
      aria-label="Access token"
    >
      <h2 className="text-xl font-semibold">GET /api/jwt/me</h2>
      {me === null ? (
        <p className="text-slate-600">Not called yet.</p>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Status" value={String(me.status)} testId="jwt-me-status" tone={me.status === 200 ? 'good' : 'bad'} />
            <Stat label="verify" value={me.verifyMs === null ? '–' : `${me.verifyMs.toFixed(3)} ms`} testId="jwt-verify-ms" />
            <Stat label="Store lookups" value={me.storeLookups === null ? '–' : String(me.storeLookups)} testId="jwt-store-lookups" />
            <Stat label="Refreshes" value={String(refreshes)} testId="jwt-refresh-count" />
          </dl>
          {current ? (
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 font-mono text-sm">
              <dt className="text-slate-600">jti</dt>
              <dd data-testid="jwt-jti" className="break-all">
                {current.token.jti}
              </dd>
              <dt className="text-slate-600">kid</dt>
              <dd className="break-all">{current.token.kid}</dd>
              <dt className="text-slate-600">issued</dt>
              <dd>{new Date(current.token.iat * 1000).toLocaleTimeString()}</dd>
              <dt className="text-slate-600">expires</dt>
              <dd>
                {new Date(current.token.exp * 1000).toLocaleTimeString()}{' '}
                <span data-testid="jwt-expires-in" className={secondsLeft === 0 ? 'text-red-700' : 'text-emerald-700'}>
                  ({secondsLeft === 0 ? 'expired; the next call refreshes' : `in ${secondsLeft} s`})
                </span>
              </dd>
            </dl>
          ) : (
            <p data-testid="jwt-me-error" className="font-mono text-sm break-words text-red-700">
              {me.ok ? '' : `${me.error.error}: ${me.error.message}`}
            </p>
          )}
        </>
      )}
      <div>
        <h3 className="text-sm font-semibold text-slate-600">Events</h3>
        <ol data-testid="jwt-events" className="mt-1 space-y-0.5 font-mono text-xs break-words text-slate-700">
          {events.length === 0 ? (
            <li className="text-slate-600">none yet</li>
          ) : (
            events.map((line, index) => <li key={`${index}-${line}`}>{line}</li>)
          )}
        </ol>
      </div>
    </section>
  );
}
