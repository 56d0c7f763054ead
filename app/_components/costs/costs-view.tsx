'use client';

import { useId, useState } from 'react';
import type { CredentialPresence } from '@/app/_lib/credential-presence';
import type { ApiResult, SettingsBody } from '@/lib/client/api';
import { BENCH_ROUTES, type BenchRoute, type BenchStore } from '@/lib/costs/bench-report';
import { formatCount, formatDuration, formatDurationTick } from '@/lib/costs/chart-scale';
import { concludeCosts } from '@/lib/costs/costs-conclusion';
import { authCostMs, routeFigures, snapshotFromBench, type CostsSnapshot } from '@/lib/costs/costs-snapshot';
import { sessionOvertakesJwt, type ProjectionBase } from '@/lib/costs/latency-projection';
import { snapshotFromLive } from '@/lib/costs/live-measurement';
import { STORE_LATENCY_PRESETS_MS } from '@/lib/policy';
import type { RuntimeSettings } from '@/lib/settings/settings';
import type { BenchReportRead } from '@/lib/costs/parse-bench-report';
import { BarChart, type BarSeries } from './bar-chart';
import { LatencyProjectionChart } from './latency-projection-chart';
import { LIVE_CONCURRENCY, LIVE_REQUESTS_PER_ROUTE, useLiveMeasurement, type LiveResult } from './use-live-measurement';

const STORE_LABEL: Record<BenchStore, string> = { memory: 'memory', redis: 'Redis', upstash: 'Upstash (REST)' };
const ROUTE_LABEL: Record<BenchRoute, string> = {
  baseline: 'baseline (no auth)',
  'minimal-session': 'minimal session',
  'minimal-jwt': 'minimal JWT',
  session: 'session /me',
  jwt: 'JWT /me',
  'jwt-denylist': 'JWT /me + denylist',
};
const STORE_FILLS: Record<BenchStore, string> = { memory: 'fill-slate-500', redis: 'fill-red-700', upstash: 'fill-emerald-700' };
const STORE_SERIES = (stores: readonly BenchStore[]): BarSeries[] =>
  stores.map((store) => ({ label: STORE_LABEL[store], fill: STORE_FILLS[store] }));

function ranAt(iso: string | number): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Routes of the snapshot on `store`, in the bench's order. */
function routesOn(snapshot: CostsSnapshot, stores: readonly BenchStore[]): BenchRoute[] {
  return BENCH_ROUTES.filter((route) => stores.some((store) => routeFigures(snapshot, store, route) !== null));
}

function CostCharts({ snapshot, store }: { snapshot: CostsSnapshot; store: BenchStore }) {
  const live = snapshot.source === 'live';
  const phases = snapshot.phases.filter((row) => row.store === store);
  const routes = routesOn(snapshot, snapshot.stores);
  const storeRoutes = routesOn(snapshot, [store]);
  const where = live ? `live from this browser, ${STORE_LABEL[store]}` : `latest bench, ${STORE_LABEL[store]}`;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <BarChart
        testId="chart-phases"
        title="Phase cost by strategy"
        note={`Median per request (${where}): the app's phase, the same call in a minimal route, and the library call alone. The gap between the last two is the framework's share.`}
        groupHeading="Phase"
        series={[
          { label: 'app', fill: 'fill-sky-700' },
          { label: 'minimal', fill: 'fill-sky-400', missing: live ? 'bench only' : 'no reference' },
          { label: 'library', fill: 'fill-slate-400', missing: live ? 'not measured yet' : 'not measured' },
        ]}
        groups={phases.map((row) => ({
          label: `${ROUTE_LABEL[row.route]} · ${row.phase}`,
          values: [row.appMs, row.minimalMs, row.libraryMs],
        }))}
        format={formatDuration}
        formatTick={formatDurationTick}
      />
      <BarChart
        testId="chart-throughput"
        title="Requests per second by route and store"
        note={
          live
            ? `As this browser saw them, ${LIVE_CONCURRENCY === 1 ? 'one request at a time' : `${LIVE_CONCURRENCY} requests in flight`}, network and browser included. Not a load test.`
            : 'autocannon, all rounds combined; the baseline answers with no authentication at all.'
        }
        groupHeading="Route"
        series={STORE_SERIES(snapshot.stores)}
        groups={routes.map((route) => ({
          label: ROUTE_LABEL[route],
          values: snapshot.stores.map((s) => routeFigures(snapshot, s, route)?.requestsPerSecond ?? null),
        }))}
        format={(value) => formatCount(value)}
      />
      <BarChart
        testId="chart-bytes"
        title="Bytes per request"
        note={`The credential the client sends with every request (cookie or header), and the whole response (${where}).`}
        groupHeading="Route"
        series={[
          { label: 'credential', fill: 'fill-amber-600' },
          { label: 'response', fill: 'fill-slate-400', missing: live ? 'bench only' : 'not measured' },
        ]}
        groups={storeRoutes.map((route) => {
          const figures = routeFigures(snapshot, store, route);
          return { label: ROUTE_LABEL[route], values: [figures?.credentialBytes ?? null, figures?.responseBytes ?? null] };
        })}
        format={(value) => `${formatCount(value)} B`}
      />
      <BarChart
        testId="chart-commands"
        title="Store commands per request"
        note="Every command a request caused at the store driver, reads and writes (X-Store-Commands)."
        groupHeading="Route"
        missing="unknown"
        series={STORE_SERIES(snapshot.stores)}
        groups={routes.map((route) => ({
          label: ROUTE_LABEL[route],
          values: snapshot.stores.map((s) => routeFigures(snapshot, s, route)?.storeCommandsPerRequest ?? null),
        }))}
        format={(value) => formatCount(value, 2)}
      />
    </div>
  );
}

function LiveSummary({ result }: { result: LiveResult }) {
  const counted = result.summaries.reduce((sum, summary) => sum + summary.counted, 0);
  const cold = result.summaries.reduce((sum, summary) => sum + summary.coldExcluded, 0);
  const failed = result.summaries.reduce((sum, summary) => sum + summary.failed, 0);
  const commandsUnknown = result.summaries.some((summary) => summary.storeCommandsPerRequest === null);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>
        Measured {ranAt(result.finishedAt)} on {STORE_LABEL[result.store]}:{' '}
        {result.summaries.map((summary) => `${ROUTE_LABEL[summary.route]} ${summary.requests} requests`).join(', ') || 'nothing'}
        {failed > 0 && `, ${failed} not answered 2xx (left out)`}.
      </p>
      <p data-testid="cold-note">
        {cold === 0
          ? `No answer was marked cold (X-Cold-Start): all ${counted} warm answers are in the medians.`
          : `${cold} cold ${cold === 1 ? 'answer' : 'answers'} (X-Cold-Start: 1) left out of the medians; ${counted} counted.`}
      </p>
      {commandsUnknown && <p>This server does not report X-Store-Commands yet: store commands are shown as unknown.</p>}
      {result.library === null && <p>The server has not reported its library timings (GET /api/costs): “library” is not measured.</p>}
      {result.unavailable.map(({ strategy, reason }) => (
        <p key={strategy} className="font-medium text-amber-900">
          {strategy === 'session' ? 'Session' : 'JWT'} not measured: {reason}.
        </p>
      ))}
    </div>
  );
}

function Projection({ snapshot, store }: { snapshot: CostsSnapshot; store: BenchStore }) {
  const base: ProjectionBase = {
    measuredMs: {
      session: authCostMs(snapshot, store, 'session'),
      jwt: authCostMs(snapshot, store, 'jwt'),
      'jwt-denylist': authCostMs(snapshot, store, 'jwt-denylist'),
    },
    measuredAtLatencyMs: snapshot.simulatedLatencyMs,
  };
  const crossover = sessionOvertakesJwt(base);
  const { session, jwt } = base.measuredMs;
  const denylist = base.measuredMs['jwt-denylist'];
  return (
    <div className="grid items-start gap-3 lg:grid-cols-2" data-testid="projection">
      <p className="text-lg" data-testid="crossover">
        {crossover.kind === 'unknown' && 'Measure both a session and a JWT (denylist off) to project them.'}
        {crossover.kind === 'already' &&
          `At 0 ms of added latency the session path already costs ${formatDuration(crossover.gapMs)} more per request than the JWT path (${formatDuration(session ?? 0)} against ${formatDuration(jwt ?? 0)}): there is no crossover, and store latency only widens the gap.`}
        {crossover.kind === 'at' &&
          `The session path is the cheaper one up to about ${formatDuration(crossover.latencyMs)} of store latency per round trip, and the costlier one beyond.`}
        {denylist !== null &&
          session !== null &&
          ` A JWT with the denylist pays one round trip too, so its line runs parallel to the session's, ${formatDuration(Math.abs(denylist - session))} ${denylist > session ? 'above' : 'below'} it.`}
      </p>
      {crossover.kind !== 'unknown' && (
        <div className="max-w-2xl">
          <LatencyProjectionChart base={base} crossover={crossover} />
        </div>
      )}
    </div>
  );
}

/**
 * The Costs view: the latest bench report as charts, a live measurement from this browser that
 * fills the same charts, the simulated-latency projection, and a conclusion computed from the
 * numbers shown.
 */
export interface CostsViewProps {
  bench: BenchReportRead;
  credentials: CredentialPresence;
  /** The admin side: the settings when an admin is signed in (null otherwise), saving them, signing in. */
  admin: {
    signedIn: boolean;
    settings: RuntimeSettings | null;
    save(patch: Partial<RuntimeSettings>): Promise<ApiResult<SettingsBody>>;
    signIn(): void;
  };
}

export function CostsView({ bench, credentials, admin }: CostsViewProps) {
  const { signedIn, settings, save } = admin;
  const storeSelectId = useId();
  const live = useLiveMeasurement(credentials);
  // null: the newest numbers (a finished live run, else the bench), until the presenter picks.
  const [sourceChoice, setSource] = useState<'bench' | 'live' | null>(null);
  const [benchStore, setBenchStore] = useState<BenchStore | null>(null);
  const [latency, setLatency] = useState<number | null>(null);
  const [adminMessage, setAdminMessage] = useState<string | null>(null);

  const benchSnapshot = bench.ok ? snapshotFromBench(bench.report) : null;
  const liveSnapshot = live.result
    ? snapshotFromLive({
        store: live.result.store,
        summaries: live.result.summaries,
        library: live.result.library,
        simulatedLatencyMs: live.result.simulatedLatencyMs,
      })
    : null;
  const source = sourceChoice ?? (liveSnapshot ? 'live' : 'bench');
  const snapshot = source === 'live' && liveSnapshot ? liveSnapshot : benchSnapshot;
  const store: BenchStore | null = snapshot
    ? snapshot.source === 'live'
      ? snapshot.stores[0]!
      : (benchStore ?? (snapshot.stores.includes('redis') ? 'redis' : snapshot.stores[0]!))
    : null;

  const currentLatency = settings?.storeLatencyMs ?? null;
  const chosenLatency = latency ?? currentLatency ?? 0;
  const latencies = [...new Set([...STORE_LATENCY_PRESETS_MS, ...(currentLatency === null ? [] : [currentLatency])])].sort((a, b) => a - b);
  const running = live.progress !== null;

  const measure = (simulatedLatencyMs: number) => {
    setSource(null);
    void live.run(simulatedLatencyMs);
  };
  const applyAndMeasure = async () => {
    const saved = await save({ storeLatencyMs: chosenLatency });
    if (!saved.ok) {
      setAdminMessage(`✕ ${saved.error.message}`);
      return;
    }
    setAdminMessage(null);
    measure(chosenLatency);
  };

  return (
    <section aria-labelledby="costs-heading" className="flex flex-col gap-4" data-testid="costs-view">
      <div className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-slate-50 p-4">
        <h2 id="costs-heading" className="text-2xl font-bold">
          What each strategy costs per request
        </h2>
        {bench.ok ? (
          <p data-testid="bench-source">
            Latest bench: {ranAt(bench.report.date)}, {bench.report.machine.cpuModel} ({bench.report.machine.cores} cores,{' '}
            {bench.report.machine.memoryGiB} GiB), Node {bench.report.machine.node} on {bench.report.machine.platform}
            {bench.report.settings.quick && ' (a quick run: it proves the bench works, not what things cost)'}.
          </p>
        ) : (
          <p data-testid="bench-missing" className="font-medium">
            No bench run yet: run <code className="rounded bg-slate-200 px-1">npm run bench</code>
            {bench.problem === 'malformed' && ` (docs/bench/latest.json could not be used: ${bench.detail})`}.
          </p>
        )}
        <p className="text-lg font-semibold" aria-live="polite" data-testid="costs-conclusion">
          {snapshot && store ? concludeCosts(snapshot, store) : 'Measure live below to see what each strategy costs here.'}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {benchSnapshot && liveSnapshot && (
            <fieldset className="flex items-center gap-2 text-sm">
              <legend className="sr-only">Numbers shown</legend>
              {(['bench', 'live'] as const).map((option) => (
                <label key={option} className="flex items-center gap-1">
                  <input type="radio" name="costs-source" checked={source === option} onChange={() => setSource(option)} />
                  {option === 'bench' ? 'latest bench' : 'live from this browser'}
                </label>
              ))}
            </fieldset>
          )}
          {snapshot?.source === 'bench' && snapshot.stores.length > 1 && store && (
            <div className="flex items-center gap-2 text-sm font-medium">
              <label htmlFor={storeSelectId}>Store shown</label>
              <select
                id={storeSelectId}
                value={store}
                onChange={(e) => setBenchStore(e.target.value as BenchStore)}
                className="rounded-md border border-slate-300 bg-white px-2 py-1"
              >
                {snapshot.stores.map((s) => (
                  <option key={s} value={s}>
                    {STORE_LABEL[s]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      </div>

      <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="live-panel">
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={running}
            onClick={() => measure(currentLatency ?? 0)}
            className="rounded-md bg-slate-900 px-3 py-2 text-lg font-bold text-white hover:bg-slate-700 disabled:opacity-50"
          >
            Measure live
          </button>
          <p className="text-sm text-slate-700">
            {LIVE_REQUESTS_PER_ROUTE} requests to each route this browser is signed in to, with its own credentials:{' '}
            <span className="font-medium">session /me {credentials.session ? '✓ signed in' : '✕ not signed in'}</span>,{' '}
            <span className="font-medium">JWT /me {credentials.accessToken ? '✓ signed in' : '✕ not signed in'}</span>.
          </p>
        </div>
        <div role="status" className="min-h-[1.5rem]">
          {live.progress && (
            <p className="text-sm font-medium">
              Measuring {live.progress.strategy === 'session' ? 'session' : 'JWT'} /me: {live.progress.done} of {live.progress.total}…
            </p>
          )}
          {!live.progress && live.error && <p className="text-sm font-medium text-red-800">✕ {live.error}</p>}
          {!live.progress && live.result && <LiveSummary result={live.result} />}
        </div>
      </div>

      {snapshot && store ? <CostCharts snapshot={snapshot} store={store} /> : <p className="text-slate-700">No numbers to chart yet.</p>}

      <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="text-lg font-semibold">Projection: where the session overtakes the JWT as the store moves away</h3>
        <p className="text-sm text-slate-700">
          Not a measurement: the measured cost of each path plus the store latency once per round trip it makes per request (session one,
          JWT none, JWT with the denylist one).
          {snapshot &&
            snapshot.simulatedLatencyMs > 0 &&
            ` The numbers were measured with ${snapshot.simulatedLatencyMs} ms of simulated latency, taken out before projecting.`}
        </p>
        {snapshot && store && <Projection snapshot={snapshot} store={store} />}
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
          {signedIn ? (
            <>
              <label className="flex items-center gap-2 text-sm font-medium">
                Simulated store latency
                <select
                  value={chosenLatency}
                  onChange={(e) => setLatency(Number(e.target.value))}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1"
                >
                  {latencies.map((value) => (
                    <option key={value} value={value}>
                      {value === 0 ? 'none' : `${value} ms`}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={running}
                onClick={() => void applyAndMeasure()}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
              >
                Apply and measure live
              </button>
              <span className="text-sm text-slate-700">
                Now: {currentLatency === null ? '…' : currentLatency === 0 ? 'none' : `${currentLatency} ms`} (every store call waits this
                long)
              </span>
            </>
          ) : (
            <>
              <button
                type="button"
                onClick={admin.signIn}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
              >
                Sign in as admin
              </button>
              <span className="text-sm text-slate-700">
                to apply a simulated store latency and measure it live (an admin runtime setting; it delays every store call).
              </span>
            </>
          )}
          {adminMessage && <span className="text-sm font-medium text-red-800">{adminMessage}</span>}
        </div>
      </div>
    </section>
  );
}
