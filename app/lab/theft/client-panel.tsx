'use client';

import type { ReactNode } from 'react';
import type { OwnEvent } from './use-own-events';
import type { TokenClientState } from './use-token-client';

const ANSWER_NOTES: Record<string, string> = {
  refresh_in_progress: 'inside the grace window this could be a second tab: retry',
  refresh_reused: 'an already-rotated token came back: theft; the whole family is revoked',
  refresh_revoked: 'the family is gone: this login is over',
  refresh_invalid: 'not a token this server issued',
  refresh_expired: 'expired',
};

const seconds = (ms: number) => `${Math.max(0, ms / 1000).toFixed(1)} s`;
const clock = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour12: false });

function StatusLine({ id, state }: { id: string; state: TokenClientState }) {
  if (state.phase === 'out')
    return (
      <p data-testid={`${id}-status`} data-phase="out" className="rounded bg-red-700 px-2 py-1 text-lg font-bold text-white">
        Signed out: {state.endedBy}
      </p>
    );
  if (state.phase === 'in')
    return (
      <p data-testid={`${id}-status`} data-phase="in" className="rounded bg-emerald-700 px-2 py-1 text-lg font-bold text-white">
        Signed in{state.username === null ? '' : ` as ${state.username}`}
      </p>
    );
  return (
    <p data-testid={`${id}-status`} data-phase="idle" className="rounded bg-slate-200 px-2 py-1 text-lg font-semibold text-slate-800">
      Not signed in
    </p>
  );
}

/**
 * One in-memory token client's window pane: whether it is still in, the access-token countdown,
 * its refresh token, every refresh answer, and (for the real flow) the user's live events.
 */
export function ClientPanel({
  id,
  title,
  weak,
  state,
  now,
  meUrl,
  tokenLabel,
  onRefresh,
  events,
  children,
}: {
  id: string;
  title: string;
  weak: boolean;
  state: TokenClientState;
  now: number;
  meUrl: string;
  tokenLabel: string | null;
  onRefresh: () => void;
  events?: OwnEvent[];
  children?: ReactNode;
}) {
  const left = state.accessExpiresAt === null ? null : state.accessExpiresAt - now;
  return (
    <section
      aria-label={title}
      data-testid={id}
      className={`flex min-w-0 flex-col gap-2 rounded-lg border-2 bg-white p-3 ${weak ? 'border-amber-500' : 'border-sky-700'}`}
    >
      <h2 className="font-semibold">
        {title}
        {weak && (
          <span className="ml-2 inline-block rounded bg-amber-200 px-1.5 py-0.5 text-xs font-bold whitespace-nowrap text-amber-950">
            weak on purpose
          </span>
        )}
      </h2>
      <StatusLine id={id} state={state} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-slate-600">Access token</dt>
        <dd data-testid={`${id}-countdown`} className="font-mono">
          {left === null ? 'none' : left > 0 ? `expires in ${seconds(left)}` : `expired ${seconds(-left)} ago`}
          {state.retryAt !== null && state.phase === 'in' && ' · refresh answered 409, retrying'}
        </dd>
        <dt className="text-slate-600">Refreshes</dt>
        <dd data-testid={`${id}-refreshes`} className="font-mono">
          {state.refreshes}
        </dd>
        <dt className="text-slate-600">GET {meUrl}</dt>
        <dd data-testid={`${id}-me`} className="font-mono">
          {state.me === null ? '—' : `${state.me.status}${state.me.code === null ? '' : ` ${state.me.code}`}`}
        </dd>
      </dl>
      {children}
      {tokenLabel !== null && state.refreshToken !== null && (
        <label className="flex flex-col gap-1 text-sm font-medium">
          {tokenLabel}
          <textarea
            readOnly
            rows={2}
            value={state.refreshToken}
            className="resize-none rounded border border-slate-300 bg-slate-50 p-1.5 font-mono text-xs break-all"
          />
        </label>
      )}
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={onRefresh}
          disabled={state.phase !== 'in'}
          className="rounded border border-slate-400 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50"
        >
          Refresh now
        </button>
        <span className="text-xs text-slate-600">Refreshes by itself {seconds(1_000)} before the access token expires.</span>
      </div>
      <ol aria-label={`${title}: refresh answers`} data-testid={`${id}-answers`} className="flex flex-col gap-0.5 text-sm">
        {state.answers.map((answer) => (
          <li key={answer.id} data-status={answer.status} data-code={answer.code ?? ''} className="font-mono">
            <span className="text-slate-500">{clock(answer.at)}</span> refresh →{' '}
            <strong className={answer.status === 200 ? 'text-emerald-700' : 'text-red-700'}>
              {answer.status} {answer.code ?? (answer.rotated ? 'new pair, token rotated' : 'new access token, same refresh token')}
            </strong>
            {answer.code !== null && ANSWER_NOTES[answer.code] !== undefined && (
              <span className="font-sans text-slate-700"> ({ANSWER_NOTES[answer.code]})</span>
            )}
          </li>
        ))}
      </ol>
      {events !== undefined && (
        <div>
          <h3 className="text-sm font-semibold">Live events for this user (GET /api/events, Bearer)</h3>
          <p className="text-xs text-slate-600">Every refresh of this user shows here, including the ones this window did not make.</p>
          <ol aria-label={`${title}: live events`} data-testid={`${id}-events`} className="flex flex-col gap-0.5 text-sm">
            {events.length === 0 && <li className="text-slate-500">none yet</li>}
            {events.map((event) => (
              <li key={event.id} data-type={event.type} className="font-mono">
                <span className="text-slate-500">{clock(event.at)}</span>{' '}
                <strong className={event.type === 'refresh_reused' ? 'text-red-700' : undefined}>{event.type}</strong>
                {event.code !== null && event.code !== event.type && ` ${event.code}`}
                {event.generation !== null && ` (generation ${event.generation})`}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
