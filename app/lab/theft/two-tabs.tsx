'use client';

import { useState } from 'react';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import type { TheftSettings } from './theft-demo';

interface TabAnswer {
  step: string;
  status: number;
  code: string | null;
}

interface TwoTabRun {
  grace: boolean;
  answers: TabAnswer[];
  survived: boolean;
}

/** The second tab's timer fires this long after the first tab's refresh went through. */
const SECOND_TAB_DELAY_MS = 100;

async function post(url: string, body: object, bearer?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as { error?: string; access_token?: string; refresh_token?: string } | null;
  return {
    status: response.status,
    code: json?.error ?? null,
    accessToken: json?.access_token ?? null,
    refreshToken: json?.refresh_token ?? null,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two tabs of one signed-in user whose timers fire together: both present the same refresh token,
 * a moment apart. With the grace window (the real endpoint, at the server's setting) the second is
 * told to retry and the login lives on. Without it (the lab's no-grace variant: the app's own
 * rotation code on a lab store, grace 0) the second looks exactly like a thief, and the login dies.
 */
async function runTwoTabs(grace: boolean): Promise<TwoTabRun | string> {
  const login = await post('/api/jwt/token', { username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password });
  if (login.status !== 200 || login.refreshToken === null || login.accessToken === null) return `Sign-in refused (${login.status})`;
  let refreshToken = login.refreshToken;
  let refreshUrl = '/api/jwt/refresh';
  let extra: object = {};
  if (!grace) {
    const lab = await post('/api/lab/theft/login', { variant: 'no-grace' }, login.accessToken);
    if (lab.status !== 200 || lab.refreshToken === null) return `Lab sign-in refused (${lab.status})`;
    refreshToken = lab.refreshToken;
    refreshUrl = '/api/lab/theft/refresh';
    extra = { variant: 'no-grace' };
  }
  const refresh = (token: string) => post(refreshUrl, { ...extra, refresh_token: token });
  const tabA = await refresh(refreshToken);
  await sleep(SECOND_TAB_DELAY_MS);
  const tabB = await refresh(refreshToken);
  const answers: TabAnswer[] = [
    { step: 'Tab A refreshes', status: tabA.status, code: tabA.code },
    { step: `Tab B refreshes with the same token, ${SECOND_TAB_DELAY_MS} ms later`, status: tabB.status, code: tabB.code },
  ];
  if (tabA.refreshToken === null) return { grace, answers, survived: false };
  const again = await refresh(tabA.refreshToken);
  answers.push({ step: 'Tab A refreshes again with its new token', status: again.status, code: again.code });
  return { grace, answers, survived: again.status === 200 };
}

export function TwoTabs({ settings }: { settings: TheftSettings | null }) {
  const [grace, setGrace] = useState(true);
  const [run, setRun] = useState<TwoTabRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setError(null);
    setRun(null);
    try {
      const result = await runTwoTabs(grace);
      if (typeof result === 'string') setError(result);
      else setRun(result);
    } finally {
      setBusy(false);
    }
  }

  const graceSeconds = settings === null ? '…' : String(settings.refreshGraceSeconds);
  return (
    <section aria-labelledby="two-tabs-heading" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3">
      <h2 id="two-tabs-heading" className="text-lg font-semibold">
        Two tabs, one refresh token: the false positive the grace window is for
      </h2>
      <p className="text-slate-800">
        Two tabs of {DEFAULT_DEMO_USER.username} share one refresh token (in a browser, one cookie), and their timers fire together. The
        second request presents a token the first has just rotated: to the server that is exactly what theft looks like.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          role="switch"
          aria-checked={grace}
          onClick={() => setGrace(!grace)}
          className="flex items-center gap-2 font-medium"
        >
          <span className={`inline-flex h-6 w-11 items-center rounded-full p-0.5 ${grace ? 'bg-emerald-600' : 'bg-slate-400'}`}>
            <span className={`h-5 w-5 rounded-full bg-white transition-transform ${grace ? 'translate-x-5' : ''}`} />
          </span>
          Grace window
        </button>
        <button
          type="button"
          onClick={() => void start()}
          disabled={busy}
          className="rounded bg-sky-800 px-3 py-1 font-semibold text-white hover:bg-sky-900 disabled:opacity-50"
        >
          Refresh from two tabs at once
        </button>
        <span className="min-w-0 flex-1 basis-80 text-sm text-slate-700">
          {grace ? (
            `On: the app's real endpoint, with this server's grace of ${graceSeconds} s.`
          ) : (
            <>
              Off: the lab variant, <strong>weak on purpose</strong>: the app&apos;s own rotation code on a lab store with the grace at 0.
              The real server&apos;s setting is not touched.
            </>
          )}
        </span>
      </div>
      {error !== null && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      {run !== null && (
        <div data-testid="two-tabs-result" data-grace={run.grace ? 'on' : 'off'} data-outcome={run.survived ? 'survived' : 'revoked'}>
          <ol className="flex flex-col gap-0.5 font-mono text-sm">
            {run.answers.map((answer) => (
              <li key={answer.step} data-code={answer.code ?? ''} data-status={answer.status}>
                <span className="font-sans">{answer.step}:</span>{' '}
                <strong className={answer.status === 200 ? 'text-emerald-700' : answer.status === 409 ? 'text-amber-700' : 'text-red-700'}>
                  {answer.status} {answer.code ?? 'new pair'}
                </strong>
              </li>
            ))}
          </ol>
          <p className={`mt-1 font-semibold ${run.survived ? 'text-emerald-800' : 'text-red-800'}`}>
            {run.survived
              ? 'The login survived: inside the grace window the second tab was told to retry (409), and would pick up the new token the first tab received.'
              : 'The login died: with no grace window the second tab was taken for a thief, the family was revoked, and both tabs are signed out. A false positive.'}
          </p>
        </div>
      )}
    </section>
  );
}
