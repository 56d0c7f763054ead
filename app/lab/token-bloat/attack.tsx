'use client';

import { useState } from 'react';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { BROWSER_COOKIE_LIMIT_BYTES, MAX_EXTRA_CLAIMS } from '@/lib/lab/token-bloat/bloated-claims';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { ActionButton } from '../_lifecycle/controls';

interface Issued {
  claims: number;
  tokenBytes: number;
  cookieBytes: number;
  overBrowserLimit: boolean;
}

function SizeBar({ label, bytes, testId }: { label: string; bytes: number; testId: string }) {
  const share = Math.min(1, bytes / BROWSER_COOKIE_LIMIT_BYTES);
  const over = bytes > BROWSER_COOKIE_LIMIT_BYTES;
  return (
    <div className="flex flex-col gap-1" data-testid={testId} data-bytes={bytes}>
      <div className="flex justify-between text-sm">
        <span className="font-semibold">{label}</span>
        <span className={over ? 'font-bold text-red-700' : ''}>
          {bytes.toLocaleString('en')} bytes{over ? ' (over the limit)' : ''}
        </span>
      </div>
      <div className="h-4 w-full rounded bg-slate-200" aria-hidden>
        <div className={`h-4 rounded ${over ? 'bg-red-600' : 'bg-sky-600'}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

function Outcome({ title, answer, testId, detail }: { title: string; answer: LabAnswer | null; testId: string; detail: string }) {
  const signedIn = answer !== null && answer.verdict === 'accepted';
  return (
    <section
      aria-label={title}
      data-testid={testId}
      data-signed-in={answer === null ? 'unknown' : String(signedIn)}
      className={`flex min-w-0 flex-col gap-1 rounded-lg border-2 bg-white p-3 ${answer === null ? 'border-slate-300' : signedIn ? 'border-emerald-600' : 'border-red-600'}`}
    >
      <h2 className="font-semibold">{title}</h2>
      {answer === null ? (
        <p className="text-sm text-slate-600">Not signed in yet.</p>
      ) : (
        <>
          <p className="font-mono text-sm text-slate-700">{answer.request}</p>
          <p className="text-lg font-bold">
            {answer.status} <span className={signedIn ? 'text-emerald-700' : 'text-red-700'}>{signedIn ? 'signed in' : 'signed out'}</span>
          </p>
          <p className="text-sm">{detail}</p>
        </>
      )}
    </section>
  );
}

export function TokenBloatAttack() {
  const [claims, setClaims] = useState(10);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [lab, setLab] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const [realBytes, setRealBytes] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    setBusy(true);
    try {
      // A fresh login each time: the old cookie goes first, so what the browser keeps is the new one or nothing.
      await sendAttack('lab logout', '/api/lab/token-bloat/logout', { method: 'POST' });
      const login = await sendAttack('lab login', '/api/lab/token-bloat/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claims }),
      });
      if (login.status === 200) setIssued(login.body as Issued);
      setLab(await sendAttack('GET /api/lab/token-bloat/me (the next request)', '/api/lab/token-bloat/me'));
      if (realBytes === null) {
        await sendAttack('real login', '/api/jwt/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password }),
        });
      }
      const me = await fetch('/api/jwt/me', { cache: 'no-store' });
      const bytes = Number(me.headers.get('x-credential-bytes'));
      if (Number.isFinite(bytes) && bytes > 0) setRealBytes(bytes);
      setReal(await sendAttack('GET /api/jwt/me', '/api/jwt/me'));
    } finally {
      setBusy(false);
    }
  };

  const labBody = lab?.body as { extraClaims?: number; cookieHeaderBytes?: number } | null;
  return (
    <div className="flex flex-col gap-4">
      <section aria-label="Claims in the lab token" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-3">
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex flex-wrap items-center gap-3">
            <span className="font-semibold">Extra claims in the lab token</span>
            <input
              type="range"
              min={0}
              max={MAX_EXTRA_CLAIMS}
              value={claims}
              onChange={(event) => setClaims(Number(event.target.value))}
              className="w-80 max-w-full"
            />
          </label>
          <output className="w-12 font-mono text-lg font-bold">{claims}</output>
          <ActionButton busy={busy} tone="attack" onClick={signIn}>
            Sign in with {claims} claims
          </ActionButton>
        </div>
        <SizeBar label="Lab cookie lab_fat_jwt (name + value)" bytes={issued?.cookieBytes ?? 0} testId="lab-size" />
        <SizeBar label="Real access-token cookie" bytes={realBytes ?? 0} testId="real-size" />
        <p className="text-sm text-slate-700">
          The bars are scaled to the browser&apos;s limit of {BROWSER_COOKIE_LIMIT_BYTES.toLocaleString('en')} bytes per cookie. Both
          cookies have Path=/, so they travel in the Cookie header of every request to this site, page loads and images included.
          {issued && ` With ${issued.claims} claims the lab token adds ${issued.cookieBytes.toLocaleString('en')} bytes to each of them.`}
        </p>
      </section>
      <div className="grid gap-3 md:grid-cols-2">
        <Outcome
          title="Weak lab endpoint"
          answer={lab}
          testId="lab-outcome"
          detail={
            lab?.verdict === 'accepted'
              ? `The browser kept the cookie: ${labBody?.extraClaims ?? 0} claims arrived, in a ${labBody?.cookieHeaderBytes ?? 0}-byte Cookie header.`
              : issued?.overBrowserLimit
                ? `The login answered 200, but the ${issued.cookieBytes.toLocaleString('en')}-byte cookie was over the limit: the browser dropped it without a word, and the user is signed out.`
                : 'No lab cookie arrived.'
          }
        />
        <Outcome
          title="The app’s real endpoint"
          answer={real}
          testId="real-outcome"
          detail={`The real access token carries a handful of claims (${realBytes ?? '?'} bytes); roles and anything larger are looked up when needed.`}
        />
      </div>
    </div>
  );
}
