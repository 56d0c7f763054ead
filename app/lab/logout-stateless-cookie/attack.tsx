'use client';

import { useState } from 'react';
import { useBusyRun } from '../_lifecycle/use-busy-run';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { relayedAnswer } from '@/lib/lab/lifecycle/replay-answer';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { SideBySide } from '../_components/side-by-side';
import { ActionButton, ActivityLog, Step } from '../_lifecycle/controls';

const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' } } as const;

export function StatelessLogoutAttack() {
  const [labCopy, setLabCopy] = useState('');
  const [realHandle, setRealHandle] = useState<string | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [weak, setWeak] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const { busy, run } = useBusyRun();
  const note = (line: string) => setLog((lines) => [...lines, line]);

  const signIn = () =>
    run(async () => {
      const lab = await sendAttack('lab login', '/api/lab/logout-stateless-cookie/login', { method: 'POST' });
      note(`POST /api/lab/logout-stateless-cookie/login → ${lab.status} (lab_stateless_session set)`);
      const realLogin = await sendAttack('real login', '/api/session/login', {
        ...JSON_POST,
        body: JSON.stringify({ username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password }),
      });
      note(`POST /api/session/login as ${DEFAULT_DEMO_USER.username} → ${realLogin.status} (HttpOnly session cookie set)`);
      const seal = (lab.body as { cookie?: unknown } | null)?.cookie;
      if (typeof seal === 'string') setLabCopy(seal);
      setRealHandle(null);
      setWeak(null);
      setReal(null);
    });

  const copyReal = () =>
    run(async () => {
      const captured = await sendAttack('capture', '/api/lab/real-session/capture', { method: 'POST' });
      const handle = (captured.body as { handle?: unknown } | null)?.handle;
      note(
        `POST /api/lab/real-session/capture → ${captured.status}${typeof handle === 'string' ? ` (held by the server as ${handle.slice(0, 8)}…)` : ''}`,
      );
      setRealHandle(typeof handle === 'string' ? handle : null);
    });

  const logOut = () =>
    run(async () => {
      const lab = await sendAttack('lab logout', '/api/lab/logout-stateless-cookie/logout', { method: 'POST' });
      note(`POST /api/lab/logout-stateless-cookie/logout → ${lab.status} (browser told to forget the cookie)`);
      const realLogout = await sendAttack('real logout', '/api/session/logout', { method: 'POST' });
      note(`POST /api/session/logout → ${realLogout.status} (session record deleted)`);
    });

  const replay = () =>
    run(async () => {
      setWeak(
        await sendAttack(
          'POST /api/lab/logout-stateless-cookie/replay with the copied lab cookie',
          '/api/lab/logout-stateless-cookie/replay',
          {
            ...JSON_POST,
            body: JSON.stringify({ cookie: labCopy }),
          },
        ),
      );
      const relay = await sendAttack('relay', '/api/lab/real-session/replay', {
        ...JSON_POST,
        body: JSON.stringify({ handle: realHandle ?? '' }),
      });
      setReal(relayedAnswer('GET /api/session/me with the copied real session cookie', relay));
    });

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 lg:grid-cols-4">
        <Step number={1} title="Sign in to both">
          <p className="text-sm text-slate-700">
            The lab seals alice herself into its cookie; the real login seals only a random session id.
          </p>
          <ActionButton busy={busy} onClick={signIn}>
            Sign in to both
          </ActionButton>
        </Step>
        <Step number={2} title="Copy the cookies">
          <p className="text-sm text-slate-700">
            The lab cookie is copied into the box below. The real one is HttpOnly: the server keeps the copy under a handle and never shows
            it.
          </p>
          <ActionButton busy={busy} onClick={copyReal}>
            Copy the real cookie
          </ActionButton>
          <p className="text-sm" data-testid="real-capture">
            {realHandle === null ? 'No real copy yet.' : 'Real cookie copied (held server-side).'}
          </p>
        </Step>
        <Step number={3} title="Log out of both">
          <p className="text-sm text-slate-700">Both logouts clear the browser cookie; only the real one also deletes server state.</p>
          <ActionButton busy={busy} onClick={logOut}>
            Log out of both
          </ActionButton>
        </Step>
        <Step number={4} title="Replay the copies">
          <p className="text-sm text-slate-700">The attacker presents the copies taken before the logout.</p>
          <ActionButton busy={busy} tone="attack" onClick={replay}>
            Replay the copies
          </ActionButton>
        </Step>
      </div>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">Copied lab cookie (lab_stateless_session; edit it to see the seal refuse)</span>
        <textarea
          value={labCopy}
          onChange={(event) => setLabCopy(event.target.value)}
          rows={3}
          className="rounded border border-slate-300 p-2 font-mono text-xs break-all"
        />
      </label>
      <ActivityLog lines={log} />
      <SideBySide
        weak={weak}
        real={real}
        why="The lab cookie is the session: alice, sealed. Logging out deleted the browser's cookie, not the seal, and no server record exists that could be deleted, so the copy opens as before. The real cookie only names a session record; logout deleted that record, so its copy points at nothing."
      />
    </div>
  );
}
