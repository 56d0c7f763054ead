import type { CostsBody } from '@/lib/client/api';
import { libraryCallOfPhase } from '@/lib/dashboard/library-share';
import { summarize } from '@/lib/dashboard/request-stats';
import type { StrategyId } from './types';
import type { Lane } from './use-lane';

/** The phases each strategy's `/me` reports, shown open until the first answer. */
const EXPECTED_PHASES: Record<StrategyId, string[]> = { session: ['unseal', 'lookup'], jwt: ['verify'] };

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${value.toFixed(value < 10 ? 3 : 1)} ms`);

function Total({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-base font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The same call alone, beside a phase: the rest of the phase is the request around it. */
function LibraryAlone({ phase, library }: { phase: string; library: CostsBody['library'] }) {
  const call = libraryCallOfPhase(phase);
  if (call === null || library === null) return null;
  return (
    <span className="text-xs text-slate-600" title="The same library call alone, measured by the server at start-up (GET /api/costs)">
      {' '}
      alone {ms(library[call].medianMs)}
    </span>
  );
}

/** "What the server did": the last `/me` as the server reported it, and totals over every poll. */
export function ServerDid({ lane, library }: { lane: Lane; library: CostsBody['library'] }) {
  const { strategy, state } = lane;
  const { last } = state;
  const totals = summarize(state.requests);
  const chip = 'rounded bg-white px-2 py-0.5';
  const value = 'inline-block min-w-[8ch]';
  return (
    <div className="@container rounded-lg bg-slate-50 p-3" data-testid={`${strategy}-server-did`}>
      <h3 className="font-semibold">What the server did (last request)</h3>
      <p className="text-sm">
        {last ? (
          <>
            GET {last.path}: <strong>{last.status}</strong>
            {last.code ? ` ${last.code}` : ''}
          </>
        ) : (
          'No request yet.'
        )}
      </p>
      <p className="text-sm text-slate-700">
        answered by instance{' '}
        <strong className="font-mono" data-testid={`${strategy}-instance`}>
          {last?.instance ?? '–'}
        </strong>
      </p>
      <ul className="mt-1 flex flex-wrap gap-2 font-mono text-sm" aria-label="Phases the server measured">
        {last
          ? last.phases.map((phase, index) => (
              <li key={`${phase.name}-${index}`} data-testid={`${strategy}-phase-${phase.name}`} className={chip}>
                {phase.name} <strong className={value}>{ms(phase.durationMs)}</strong>
                <LibraryAlone phase={phase.name} library={library} />
              </li>
            ))
          : EXPECTED_PHASES[strategy].map((name) => (
              <li key={name} className={`${chip} text-slate-600`}>
                {name} <strong className={value}>–</strong>
              </li>
            ))}
        <li className={chip} data-testid={last ? `${strategy}-lookups` : undefined}>
          store lookups <strong>{last ? last.storeLookups : '–'}</strong>
        </li>
        <li className={chip} data-testid={last ? `${strategy}-commands` : undefined}>
          store commands <strong>{last ? last.storeCommands : '–'}</strong>
        </li>
        {last?.cold ? (
          <li className={`${chip} text-amber-800`} data-testid={`${strategy}-cold`}>
            cold start: not representative
          </li>
        ) : null}
      </ul>
      <dl className="mt-2 grid grid-cols-3 gap-1 text-center text-xs @sm:grid-cols-6" data-testid={`${strategy}-totals`}>
        <Total label="requests" value={totals.requests} testId={`${strategy}-requests`} />
        <Total label="lookups" value={totals.lookups} />
        <Total label="lookups/req" value={totals.lookupsPerRequest.toFixed(2)} />
        <Total label="commands/req" value={totals.commandsPerRequest.toFixed(2)} testId={`${strategy}-commands-per-request`} />
        <Total label="bytes/req" value={Math.round(totals.credentialBytesPerRequest)} />
        <Total label="median auth (warm)" value={ms(totals.medianAuthMs)} />
      </dl>
      {totals.coldExcluded > 0 ? (
        <p className="mt-1 text-xs text-slate-600" data-testid={`${strategy}-cold-excluded`}>
          Median leaves out {totals.coldExcluded} cold-start {totals.coldExcluded === 1 ? 'request' : 'requests'} (server still warming up).
        </p>
      ) : null}
    </div>
  );
}
