'use client';

import { useEffect, useRef, useState } from 'react';
import { RaceTimeline } from '@/app/_components/dashboard/race-timeline';
import type { RaceMark } from '@/app/_components/dashboard/types';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { DEFAULT_DEMO_USER, DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { SideBySide } from '../_components/side-by-side';
import { ActionButton, Step } from '../_lifecycle/controls';

const POLL_INTERVAL_MS = 1_000;
/** Polling stops by itself after this long, so a forgotten tab does not call the API forever. */
const POLL_FOR_MS = 120_000;
const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' } } as const;

function codeOf(answer: LabAnswer): string | null {
  const error = (answer.body as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error : null;
}

function markOf(answer: LabAnswer, kind?: RaceMark['kind']): RaceMark {
  return {
    at: Date.now(),
    kind: kind ?? (answer.verdict === 'accepted' ? 'accepted' : 'rejected'),
    code: codeOf(answer),
    authMs: 0,
    instance: null,
  };
}

export function LongLivedJwtAttack() {
  const [labMarks, setLabMarks] = useState<RaceMark[]>([]);
  const [realMarks, setRealMarks] = useState<RaceMark[]>([]);
  const [pollingUntil, setPollingUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [revokedAt, setRevokedAt] = useState<number | null>(null);
  const [accessTtl, setAccessTtl] = useState<number | null>(null);
  const [revokeNote, setRevokeNote] = useState<string | null>(null);
  const [weak, setWeak] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const revokedRef = useRef<number | null>(null);
  const realOut = useRef(false);

  useEffect(() => {
    if (pollingUntil === null) return;
    let stopped = false;
    const tick = async () => {
      if (stopped) return;
      setNow(Date.now());
      if (Date.now() > pollingUntil) {
        setPollingUntil(null);
        return;
      }
      const lab = await sendAttack('GET /api/lab/long-lived-jwt/me with the week-long lab token', '/api/lab/long-lived-jwt/me');
      setLabMarks((marks) => [...marks, markOf(lab)]);
      if (revokedRef.current !== null) setWeak(lab);
      if (realOut.current) return;
      let answer = await sendAttack('GET /api/jwt/me with the real access token', '/api/jwt/me');
      if (answer.verdict === 'refused') {
        // The access token expired (its cookie is gone): the browser asks for a new one, as the real pages do.
        const refreshed = await sendAttack('POST /api/jwt/refresh (the access token had expired)', '/api/jwt/refresh', { method: 'POST' });
        setRealMarks((marks) => [...marks, markOf(refreshed, refreshed.verdict === 'accepted' ? 'refreshed' : 'rejected')]);
        if (refreshed.verdict === 'refused') realOut.current = true;
        answer = refreshed;
      } else {
        setRealMarks((marks) => [...marks, markOf(answer)]);
      }
      if (revokedRef.current !== null) setReal(answer);
    };
    const timer = window.setInterval(() => void tick(), POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [pollingUntil]);

  const signIn = async () => {
    setBusy(true);
    try {
      await sendAttack('lab login', '/api/lab/long-lived-jwt/login', { method: 'POST' });
      await sendAttack('real login', '/api/jwt/login', {
        ...JSON_POST,
        body: JSON.stringify({ username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password }),
      });
      const me = await sendAttack('me', '/api/jwt/me');
      const token = (me.body as { token?: { iat?: number; exp?: number } } | null)?.token;
      if (token?.iat !== undefined && token.exp !== undefined) setAccessTtl(token.exp - token.iat);
      revokedRef.current = null;
      realOut.current = false;
      setRevokedAt(null);
      setRevokeNote(null);
      setWeak(null);
      setReal(null);
      setLabMarks([]);
      setRealMarks([]);
      setPollingUntil(Date.now() + POLL_FOR_MS);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    setBusy(true);
    try {
      await sendAttack('admin login', '/api/admin/login', {
        ...JSON_POST,
        body: JSON.stringify({ username: DEMO_ADMIN.username, password: DEMO_ADMIN.password }),
      });
      const answer = await sendAttack('revoke', '/api/admin/revoke', {
        ...JSON_POST,
        body: JSON.stringify({ username: DEFAULT_DEMO_USER.username }),
      });
      const at = Date.now();
      revokedRef.current = at;
      setRevokedAt(at);
      setRevokeNote(
        answer.verdict === 'accepted'
          ? `POST /api/admin/revoke → ${answer.status}: ${JSON.stringify(answer.body)}`
          : `POST /api/admin/revoke → ${answer.status} (${codeOf(answer) ?? 'refused'})`,
      );
      setPollingUntil(Date.now() + POLL_FOR_MS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 lg:grid-cols-2">
        <Step number={1} title="Sign in to both and keep calling">
          <p className="text-sm text-slate-700">
            The lab issues one JWT valid for seven days. The real login issues an access token living{' '}
            {accessTtl === null ? 'a few minutes' : `${accessTtl} s on this server`} and a refresh token. Both are then called once a
            second; the real side refreshes when its access token expires.
          </p>
          <div>
            <ActionButton busy={busy} onClick={() => void signIn()}>
              Sign in to both
            </ActionButton>
          </div>
        </Step>
        <Step number={2} title={`Revoke ${DEFAULT_DEMO_USER.username}`}>
          <p className="text-sm text-slate-700">
            Signs in as the demo admin (its password is public in this demo) and calls the real POST /api/admin/revoke. The weak lab has
            nothing to revoke: it keeps no state about its tokens.
          </p>
          <div>
            <ActionButton busy={busy || pollingUntil === null} tone="attack" onClick={() => void revoke()}>
              Revoke the user
            </ActionButton>
          </div>
          {revokeNote && <p className="font-mono text-xs break-all text-slate-700">{revokeNote}</p>}
        </Step>
      </div>
      <section aria-label="Timeline" className="rounded-lg border border-slate-300 bg-white p-3">
        <h2 className="font-semibold">Every call, last 20 seconds {pollingUntil === null ? '(stopped)' : '(calling once a second)'}</h2>
        <RaceTimeline
          lanes={[
            { id: 'lab', label: 'Lab JWT', marks: labMarks },
            { id: 'real', label: 'Real JWT', marks: realMarks },
          ]}
          now={now}
          revokedAt={revokedAt}
        />
        <p className="text-sm text-slate-700">● accepted, ↻ refreshed, ✕ refused; the dashed line is the revoke.</p>
      </section>
      <SideBySide
        weak={weak}
        real={real}
        why="The lab token is checked against nothing but its own signature and expiry, so the revoke cannot reach it: it works for the rest of its week. The revoke deleted the real refresh-token family at once; the access token already issued still verified until it expired, and the refresh that followed was refused, so the real user is out within one access-token lifetime."
      />
    </div>
  );
}
