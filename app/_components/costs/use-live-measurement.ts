'use client';

import { useCallback, useRef, useState } from 'react';
import type { CredentialPresence } from '@/app/_lib/credential-presence';
import { api, type ApiResult, type CostsBody } from '@/lib/client/api';
import type { BenchStore } from '@/lib/costs/bench-report';
import { summarizeLiveBatch, type LiveBatch, type LiveRouteSummary, type LiveSample } from '@/lib/costs/live-measurement';

/** Requests per strategy: enough for stable medians, few enough to take seconds, not minutes. */
export const LIVE_REQUESTS_PER_ROUTE = 300;
/**
 * One request at a time: with several in flight, a phase's `Server-Timing` would include the time
 * it waited while the server's one thread ran the others, and the medians would show the queue, not
 * the strategy (the bench times phases with sequential requests too).
 */
export const LIVE_CONCURRENCY = 1;
/** Progress is shown every this many answers, not on each one, so the page does not re-render 600 times. */
const PROGRESS_EVERY = 25;

type Strategy = LiveBatch['strategy'];

export interface LiveResult {
  store: BenchStore;
  summaries: LiveRouteSummary[];
  library: CostsBody['library'];
  /** The simulated store latency the server applied while measuring. */
  simulatedLatencyMs: number;
  /** Strategies not measured, and why. */
  unavailable: { strategy: Strategy; reason: string }[];
  finishedAt: number;
}

export interface LiveProgress {
  strategy: Strategy;
  done: number;
  total: number;
}

const NOT_SIGNED_IN: Record<Strategy, string> = {
  session: 'not signed in with a session cookie (log in on the Race view, then come back)',
  jwt: 'not signed in with a JWT (log in on the Race view, then come back)',
};

const me = (strategy: Strategy) => (strategy === 'session' ? api.session.me() : api.jwt.me());

function toSample(result: ApiResult<unknown>): LiveSample {
  const { meta } = result;
  return {
    status: meta.status,
    phases: meta.phases,
    storeCommands: meta.storeCommands,
    credentialBytes: meta.credentialBytes,
    cold: meta.coldStart,
  };
}

/**
 * One probe request: is this strategy signed in? An expired access token is refreshed once (the
 * refresh cookie is still there), as the Race view's column does; anything else means no login.
 */
async function probe(strategy: Strategy): Promise<string | null> {
  const first = await me(strategy);
  if (first.ok) return null;
  if (strategy === 'jwt' && !first.ok && first.error.error === 'token_expired') {
    const refreshed = await api.jwt.refresh();
    if (refreshed.ok && (await me('jwt')).ok) return null;
  }
  return first.status === 401 ? NOT_SIGNED_IN[strategy] : `answered ${first.status} (${first.error.message})`;
}

async function measureBatch(strategy: Strategy, onProgress: (done: number) => void): Promise<LiveBatch> {
  const samples: LiveSample[] = [];
  let next = 0;
  // An access token may expire mid-batch (lifetimes go down to seconds): refresh once for all the
  // workers, since concurrent refreshes of one token would look like reuse.
  let refreshing: Promise<unknown> | null = null;
  const startedAt = performance.now();
  const worker = async () => {
    while (next < LIVE_REQUESTS_PER_ROUTE) {
      next += 1;
      const answer = await me(strategy);
      samples.push(toSample(answer));
      if (strategy === 'jwt' && !answer.ok && answer.error.error === 'token_expired') {
        refreshing ??= api.jwt.refresh().finally(() => (refreshing = null));
        await refreshing;
      }
      if (samples.length % PROGRESS_EVERY === 0) onProgress(samples.length);
    }
  };
  await Promise.all(Array.from({ length: LIVE_CONCURRENCY }, worker));
  return { strategy, samples, elapsedMs: performance.now() - startedAt, concurrency: LIVE_CONCURRENCY };
}

/**
 * The live measurement: a few hundred requests to each strategy's `/me` with this browser's own
 * credentials, read from the response headers. The answers go only into this hook's summary,
 * never into the Race view's timeline or columns.
 */
export function useLiveMeasurement(credentials: CredentialPresence) {
  const [result, setResult] = useState<LiveResult | null>(null);
  const [progress, setProgress] = useState<LiveProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async (simulatedLatencyMs: number) => {
      if (running.current) return;
      running.current = true;
      setError(null);
      try {
        const [costs, health] = await Promise.all([api.costs(), api.health()]);
        const store = costs.ok ? costs.data.driver : health.ok ? health.data.store.driver : null;
        if (store === null) {
          setError('The server did not say which store it runs on; is it up?');
          return;
        }
        const summaries: LiveRouteSummary[] = [];
        const unavailable: LiveResult['unavailable'] = [];
        const present: Record<Strategy, boolean> = { session: credentials.session, jwt: credentials.accessToken };
        for (const strategy of ['session', 'jwt'] as const) {
          const reason = present[strategy] ? await probe(strategy) : NOT_SIGNED_IN[strategy];
          if (reason !== null) {
            unavailable.push({ strategy, reason });
            continue;
          }
          setProgress({ strategy, done: 0, total: LIVE_REQUESTS_PER_ROUTE });
          const batch = await measureBatch(strategy, (done) => setProgress({ strategy, done, total: LIVE_REQUESTS_PER_ROUTE }));
          summaries.push(summarizeLiveBatch(batch));
        }
        setResult({
          store,
          summaries,
          library: costs.ok ? costs.data.library : null,
          simulatedLatencyMs,
          unavailable,
          finishedAt: Date.now(),
        });
      } finally {
        running.current = false;
        setProgress(null);
      }
    },
    [credentials.session, credentials.accessToken],
  );

  return { result, progress, error, run };
}
