'use client';

import { useSyncExternalStore } from 'react';
import type { JwtInspection, RefreshInspection } from '@/lib/client/api';
import { useNow } from '@/lib/client/use-now';
import { CookieFacts } from './cookie-facts';
import type { Lane } from './use-lane';

const OPEN = '…';

const secondsUntil = (at: number, now: number) => Math.max(0, (at - now) / 1000).toFixed(1);
const noSubscription = () => () => {};
const readDocumentCookie = () => document.cookie;
const serverDocumentCookie = () => '';

/** The access token's header and claims, signature cut short; `…` for what is not known yet. */
function DecodedJwt({ inspection }: { inspection: JwtInspection | null }) {
  const header = inspection?.header;
  const payload = inspection?.payload;
  const shown = {
    sub: payload?.sub ?? OPEN,
    username: payload?.username ?? OPEN,
    role: payload?.role ?? OPEN,
    jti: payload ? `${payload.jti.slice(0, 10)}…` : OPEN,
    iat: payload?.iat ?? OPEN,
    exp: payload?.exp ?? OPEN,
  };
  const pre = 'overflow-x-auto rounded bg-white p-2 break-all whitespace-pre-wrap';
  return (
    <div className="mt-2 grid grid-cols-1 gap-2 font-mono text-xs @md:grid-cols-2" data-testid={inspection ? 'jwt-decoded' : undefined}>
      <pre className={pre} aria-label="Access token header">
        {JSON.stringify({ alg: header?.alg ?? OPEN, kid: header?.kid ?? OPEN, typ: header?.typ ?? OPEN }, null, 1)}
      </pre>
      <pre className={pre} aria-label="Access token claims">
        {JSON.stringify(shown, null, 1)}
      </pre>
    </div>
  );
}

function RefreshFamily({ inspection }: { inspection: RefreshInspection | null }) {
  const generation = inspection?.family.generation ?? 1;
  return (
    <div className="mt-2 border-t border-slate-200 pt-2" data-testid={inspection ? 'refresh-family' : undefined}>
      <CookieFacts
        cookie={inspection?.cookie ?? null}
        expected={{ sameSite: 'Strict', path: '/api/jwt/refresh' }}
        testId="refresh-cookie"
      />
      <p className="mt-1 text-sm">
        Refresh family {inspection?.family.id ?? OPEN}: generation <strong>{inspection ? generation : OPEN}</strong> is current
        {generation > 1 ? `, ${generation - 1} rotated away (used once, now dead)` : ''}.
      </p>
      <ol className="mt-1 flex flex-wrap gap-1 text-xs" aria-label="Refresh-token generations">
        {Array.from({ length: generation }, (_, i) => i + 1)
          .slice(-12)
          .map((n) => (
            <li
              key={n}
              className={`rounded px-1.5 py-0.5 ${n === generation ? 'bg-sky-700 text-white' : 'bg-slate-200 text-slate-700 line-through'}`}
            >
              #{inspection ? n : OPEN}
              {n === generation ? ' current' : ''}
            </li>
          ))}
      </ol>
    </div>
  );
}

/**
 * "What the browser holds": the lane's cookies as the server describes them (redacted), and the
 * live proof that page scripts cannot read them. While a login is being restored it shows the
 * same blocks with their values open, so the column keeps its size.
 */
export function CredentialInspector({ lane }: { lane: Lane }) {
  const { state, strategy, sessionInspection, jwtInspection, refreshInspection } = lane;
  const now = useNow(250);
  // The proof, live: what page JavaScript can read of the cookies, re-read on every render.
  const scriptSees = useSyncExternalStore(noSubscription, readDocumentCookie, serverDocumentCookie);
  const holding = state.user !== null || state.restoring;

  return (
    <div className="@container rounded-lg bg-slate-50 p-3">
      <h3 className="font-semibold">What the browser holds</h3>
      {strategy === 'session' && (sessionInspection || holding) && (
        <CookieFacts cookie={sessionInspection?.cookie ?? null} expected={{ sameSite: 'Lax', path: '/' }} testId="session-cookie" />
      )}
      {strategy === 'jwt' && (jwtInspection || holding) && (
        <>
          <CookieFacts cookie={jwtInspection?.cookie ?? null} expected={{ sameSite: 'Lax', path: '/' }} testId="jwt-cookie" />
          <DecodedJwt inspection={jwtInspection} />
          <p className="mt-1 text-sm" data-testid={jwtInspection ? 'jwt-exp-countdown' : undefined}>
            exp in <strong>{jwtInspection ? secondsUntil(jwtInspection.payload.exp * 1000, now) : OPEN} s</strong> · signature{' '}
            {jwtInspection?.signature ?? OPEN} (cut short)
          </p>
        </>
      )}
      {strategy === 'jwt' && (refreshInspection || holding) && <RefreshFamily inspection={refreshInspection} />}
      {!holding && !sessionInspection && !jwtInspection && <p className="text-slate-600">Nothing yet: log in.</p>}
      <p className="mt-2 text-sm text-slate-700" data-testid={`${strategy}-script-view`}>
        <strong>Scripts can&apos;t read it.</strong> Page JavaScript sees{' '}
        <code className="rounded bg-white px-1">document.cookie = &quot;{scriptSees}&quot;</code>: the cookie is HttpOnly. The values above
        come from the server, redacted so they cannot be replayed.
      </p>
    </div>
  );
}
