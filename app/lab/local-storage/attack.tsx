'use client';

import { useState } from 'react';
import { findStolenTokens, type InboxEntry } from '@/lib/lab/local-storage/attacker-inbox';
import { LAB_TOKEN_STORAGE_KEY, runInjectedScript, type InjectedScriptReport } from '@/lib/lab/local-storage/injected-script';
import { useBusyRun } from '../_lifecycle/use-busy-run';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { SideBySide } from '../_components/side-by-side';
import { ActionButton, Step } from '../_lifecycle/controls';

const INBOX = '/api/lab/local-storage/inbox';

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 24)}…${text.slice(-12)}` : text;
}

export function LocalStorageAttack() {
  const [signedIn, setSignedIn] = useState<string | null>(null);
  const [report, setReport] = useState<InjectedScriptReport | null>(null);
  const [inbox, setInbox] = useState<readonly InboxEntry[]>([]);
  const [stolen, setStolen] = useState('');
  const [weak, setWeak] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const { busy, run } = useBusyRun();

  const signIn = () =>
    run(async () => {
      const lab = await sendAttack('lab login', '/api/lab/local-storage/login', { method: 'POST' });
      const token = (lab.body as { token?: unknown } | null)?.token;
      if (typeof token === 'string') window.localStorage.setItem(LAB_TOKEN_STORAGE_KEY, token);
      const realLogin = await sendAttack('real login', '/api/jwt/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password }),
      });
      setSignedIn(`Lab token in localStorage (${lab.status}); real JWT login ${realLogin.status}, tokens in HttpOnly cookies.`);
      setReport(null);
      setWeak(null);
      setReal(null);
    });

  const inject = () =>
    run(async () => {
      await fetch(INBOX, { method: 'DELETE' });
      setReport(await runInjectedScript(INBOX));
      const listed = (await (await fetch(INBOX, { cache: 'no-store' })).json()) as { entries: InboxEntry[] };
      setInbox(listed.entries);
      const last = listed.entries.at(-1);
      setStolen(last ? (findStolenTokens(last)[0] ?? '') : '');
    });

  const replay = () =>
    run(async () => {
      setWeak(
        await sendAttack(
          'GET /api/lab/local-storage/me, Bearer <the stolen lab token>, from the attacker’s machine',
          '/api/lab/local-storage/me',
          {
            headers: { authorization: `Bearer ${stolen}` },
            credentials: 'omit',
          },
        ),
      );
      // The real tokens were never in the loot: the attacker has nothing but their own (empty) request to send.
      const last = inbox.at(-1);
      const realToken = last ? findStolenTokens(last).find((token) => token !== stolen) : undefined;
      setReal(
        await sendAttack(
          realToken
            ? 'GET /api/jwt/me, Bearer <a stolen real token>'
            : 'GET /api/jwt/me from the attacker’s machine (the loot held no real token)',
          '/api/jwt/me',
          { credentials: 'omit', ...(realToken ? { headers: { authorization: `Bearer ${realToken}` } } : {}) },
        ),
      );
    });

  const last = inbox.at(-1);
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 lg:grid-cols-3">
        <Step number={1} title="Sign in to both">
          <p className="text-sm text-slate-700">The lab page keeps its token in localStorage; the real JWT login sets HttpOnly cookies.</p>
          <ActionButton busy={busy} onClick={signIn}>
            Sign in to both
          </ActionButton>
          {signedIn && <p className="text-sm">{signedIn}</p>}
        </Step>
        <Step number={2} title="Run the injected script">
          <p className="text-sm text-slate-700">
            A fixed function in this page&apos;s bundle, standing in for an XSS payload: it reads localStorage and{' '}
            <code>document.cookie</code> and posts them to the attacker&apos;s inbox.
          </p>
          <ActionButton busy={busy} tone="attack" onClick={inject}>
            Run the injected script
          </ActionButton>
        </Step>
        <Step number={3} title="Attacker replays the loot">
          <p className="text-sm text-slate-700">
            From the attacker&apos;s own machine: no cookies of the victim&apos;s, only what was stolen.
          </p>
          <ActionButton busy={busy} tone="attack" onClick={replay}>
            Replay the stolen tokens
          </ActionButton>
        </Step>
      </div>
      {report && (
        <div className="grid gap-3 md:grid-cols-2">
          <section
            aria-label="Attacker inbox"
            className="flex min-w-0 flex-col gap-1 rounded-lg border-2 border-red-600 bg-white p-3 text-sm"
          >
            <h2 className="font-semibold">Attacker inbox ({inbox.length} post)</h2>
            {last && (
              <dl className="grid grid-cols-[9rem_1fr] gap-x-2 gap-y-1" data-testid="inbox-entry">
                <dt className="font-semibold">localStorage</dt>
                <dd className="font-mono text-xs break-all">
                  {Object.entries(last.localStorage).length === 0
                    ? '(empty)'
                    : Object.entries(last.localStorage)
                        .map(([key, value]) => `${key} = ${shorten(value)}`)
                        .join('\n')}
                </dd>
                <dt className="font-semibold">document.cookie</dt>
                <dd className="font-mono text-xs break-all">{last.cookies === '' ? '(empty)' : last.cookies}</dd>
                <dt className="font-semibold">Tokens found</dt>
                <dd data-testid="tokens-found">
                  {findStolenTokens(last).length}: the lab token; no real token (the real ones are HttpOnly)
                </dd>
              </dl>
            )}
          </section>
          <section
            aria-label="While the script ran"
            className="flex min-w-0 flex-col gap-1 rounded-lg border-2 border-amber-500 bg-white p-3 text-sm"
          >
            <h2 className="font-semibold">While the script ran</h2>
            <p data-testid="acting-as-victim">
              It called <code>GET /api/jwt/me</code> from the victim&apos;s page: <strong>{report.actingAsVictim.status}</strong>
              {report.actingAsVictim.username ? ` as ${report.actingAsVictim.username}` : ''}.
            </p>
            <p className="text-slate-700">
              HttpOnly keeps the token from being read and carried away; it does not stop a script already running in the page from sending
              requests the browser signs with the user&apos;s cookies. Only fixing the XSS (and a tight CSP) stops that.
            </p>
          </section>
        </div>
      )}
      <label className="flex flex-col gap-1">
        <span className="font-semibold">Stolen lab token (edit it to see the signature refuse)</span>
        <textarea
          value={stolen}
          onChange={(event) => setStolen(event.target.value)}
          rows={3}
          className="rounded border border-slate-300 p-2 font-mono text-xs break-all"
        />
      </label>
      <SideBySide
        weak={weak}
        real={real}
        why="The lab token sat in localStorage, which every script on the page can read, so one injected script carried it off and it works from anywhere for a day. The real tokens live in HttpOnly cookies that no script can read: the loot held nothing to replay, and the attacker's own request carries no credential."
      />
    </div>
  );
}
