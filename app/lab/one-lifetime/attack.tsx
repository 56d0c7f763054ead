'use client';

import { useEffect, useState } from 'react';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { formatDuration, oneLifetimeProfile, realProfile } from '@/lib/lab/one-lifetime/stolen-token-worth';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { SideBySide } from '../_components/side-by-side';
import { ActionButton, ActivityLog } from '../_lifecycle/controls';
import { WorthTimeline } from './worth-timeline';

interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

function pairOf(answer: LabAnswer): TokenPair | null {
  const body = answer.body as Partial<TokenPair> | null;
  return typeof body?.access_token === 'string' && typeof body.refresh_token === 'string' && typeof body.expires_in === 'number'
    ? (body as TokenPair)
    : null;
}

/** Requests as a thief or a non-browser client makes them: JSON tokens, no cookies of this browser. */
function post(description: string, url: string, body: unknown): Promise<LabAnswer> {
  return sendAttack(description, url, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function bearer(description: string, url: string, token: string): Promise<LabAnswer> {
  return sendAttack(description, url, { credentials: 'omit', headers: { authorization: `Bearer ${token}` } });
}

export function OneLifetimeAttack() {
  const [accessSeconds, setAccessSeconds] = useState<number | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [weak, setWeak] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void sendAttack('policy', '/api/lab/one-lifetime/policy').then((answer) => {
      const seconds = (answer.body as { accessTokenSeconds?: unknown } | null)?.accessTokenSeconds;
      if (typeof seconds === 'number') setAccessSeconds(seconds);
    });
  }, []);

  const attack = async () => {
    setBusy(true);
    const lines: string[] = [];
    const note = (line: string) => {
      lines.push(line);
      setLog([...lines]);
    };
    try {
      const credentials = { username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password };
      const weakLogin = pairOf(await post('lab login', '/api/lab/one-lifetime/login', credentials));
      const realLogin = pairOf(await post('real login', '/api/jwt/token', credentials));
      if (weakLogin === null || realLogin === null) {
        note('A login failed; nothing to steal.');
        return;
      }
      note(
        `Victim logs in to both. The thief copies both pairs: lab tokens live ${formatDuration(weakLogin.expires_in)} each; the real access token ${formatDuration(realLogin.expires_in)}.`,
      );

      const weakVictim = await post('victim refresh', '/api/lab/one-lifetime/refresh', { refresh_token: weakLogin.refresh_token });
      const realVictim = await post('victim refresh', '/api/jwt/refresh', { refresh_token: realLogin.refresh_token });
      note(
        `The victim refreshes as usual: lab ${weakVictim.status} (same refresh token back), real ${realVictim.status} (a new refresh token; the copied one is now spent).`,
      );

      const weakAccess = await bearer('thief', '/api/lab/one-lifetime/me', weakLogin.access_token);
      const realAccess = await bearer('thief', '/api/jwt/me', realLogin.access_token);
      note(
        `The thief uses the stolen access tokens: lab ${weakAccess.status}, real ${realAccess.status}. Both still verify; the real one only until its exp, ${realLogin.expires_in} s after login.`,
      );

      setWeak(
        await post('POST /api/lab/one-lifetime/refresh with the stolen refresh token', '/api/lab/one-lifetime/refresh', {
          refresh_token: weakLogin.refresh_token,
        }),
      );
      const stolenReal = await post('POST /api/jwt/refresh with the stolen refresh token', '/api/jwt/refresh', {
        refresh_token: realLogin.refresh_token,
      });
      setReal(stolenReal);
      note(
        stolenReal.status === 409
          ? 'The real stolen refresh token came back inside the grace window for two tabs refreshing at once (409): refused, and after that window the same attempt counts as theft and ends the whole family.'
          : `The real stolen refresh token: ${stolenReal.status} ${String((stolenReal.body as { error?: unknown } | null)?.error ?? '')}.`,
      );
    } finally {
      setBusy(false);
    }
  };

  const profiles = [oneLifetimeProfile(), realProfile(accessSeconds ?? 15 * 60)];
  return (
    <div className="flex flex-col gap-4">
      <section aria-label="Timeline" className="rounded-lg border border-slate-300 bg-white p-3">
        <h2 className="mb-2 font-semibold">
          What a stolen token is worth {accessSeconds === null ? '' : `(this server’s access tokens live ${accessSeconds} s)`}
        </h2>
        <WorthTimeline profiles={profiles} />
      </section>
      <section aria-label="Attack" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3">
        <p className="text-slate-800">
          The thief copies both tokens right after login. The victim then refreshes as usual, and the thief tries the stolen refresh token.
        </p>
        <div>
          <ActionButton busy={busy} tone="attack" onClick={() => void attack()}>
            Steal the tokens and replay them
          </ActionButton>
        </div>
        <ActivityLog lines={log} />
      </section>
      <SideBySide
        weak={weak}
        real={real}
        why="The lab's refresh token is never rotated and never stored, so the victim using it changes nothing: the copy mints fresh week-long access tokens for a week. The real refresh token is single-use: the victim's refresh spent it, so the copy is refused, and presented again later it is taken as theft and ends the family."
      />
    </div>
  );
}
