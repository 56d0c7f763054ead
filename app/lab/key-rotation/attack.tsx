'use client';

import { decodeProtectedHeader } from 'jose';
import { useState } from 'react';
import { useBusyRun } from '../_lifecycle/use-busy-run';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { DEFAULT_DEMO_USER, DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { SideBySide } from '../_components/side-by-side';
import { ActionButton, ActivityLog, Step } from '../_lifecycle/controls';

const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' } } as const;

function bearer(description: string, url: string, token: string): Promise<LabAnswer> {
  return sendAttack(description, url, { credentials: 'omit', headers: { authorization: `Bearer ${token}` } });
}

async function publishedKids(): Promise<string[]> {
  const answer = await sendAttack('jwks', '/.well-known/jwks.json');
  const keys = (answer.body as { keys?: { kid?: unknown }[] } | null)?.keys ?? [];
  return keys.map((key) => key.kid).filter((kid): kid is string => typeof kid === 'string');
}

function headerOf(token: string): string {
  try {
    return JSON.stringify(decodeProtectedHeader(token));
  } catch {
    return '(not a JWT)';
  }
}

export function KeyRotationAttack() {
  const [weakToken, setWeakToken] = useState('');
  const [realToken, setRealToken] = useState('');
  const [kids, setKids] = useState<string[]>([]);
  const [log, setLog] = useState<string[]>([]);
  const [weak, setWeak] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const { busy, run } = useBusyRun();
  const note = (line: string) => setLog((lines) => [...lines, line]);

  const issue = () =>
    run(async () => {
      const lab = await sendAttack('lab login', '/api/lab/key-rotation/login', { method: 'POST' });
      const labToken = (lab.body as { token?: unknown } | null)?.token;
      const login = await sendAttack('real login', '/api/jwt/token', {
        ...JSON_POST,
        credentials: 'omit',
        body: JSON.stringify({ username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password }),
      });
      const accessToken = (login.body as { access_token?: unknown } | null)?.access_token;
      if (typeof labToken === 'string') setWeakToken(labToken);
      if (typeof accessToken === 'string') setRealToken(accessToken);
      setKids(await publishedKids());
      setWeak(null);
      setReal(null);
      note(
        `Lab token header ${typeof labToken === 'string' ? headerOf(labToken) : '?'}; real token header ${typeof accessToken === 'string' ? headerOf(accessToken) : '?'}`,
      );
    });

  const rotate = () =>
    run(async () => {
      const preview = await bearer('preview', '/api/lab/key-rotation/rotation-preview', weakToken);
      note(
        `Weak: checked against a replacement key, the token issued before → ${preview.status}: every user would be logged out, so the key is never replaced.`,
      );
      await sendAttack('admin login', '/api/admin/login', {
        ...JSON_POST,
        body: JSON.stringify({ username: DEMO_ADMIN.username, password: DEMO_ADMIN.password }),
      });
      const rotated = await sendAttack('rotate', '/api/admin/keys/rotate', { method: 'POST' });
      const after = await bearer('me', '/api/jwt/me', realToken);
      const published = await publishedKids();
      setKids(published);
      note(
        `Real: POST /api/admin/keys/rotate → ${rotated.status}; the JWKS now lists ${published.length} keys; the token issued before → ${after.status} (still verifies by its kid)`,
      );
    });

  const retire = () =>
    run(async () => {
      const oldKid = (() => {
        try {
          return decodeProtectedHeader(realToken).kid ?? '';
        } catch {
          return '';
        }
      })();
      const retired = await sendAttack('retire', '/api/admin/keys/retire', { ...JSON_POST, body: JSON.stringify({ kid: oldKid }) });
      const published = await publishedKids();
      setKids(published);
      note(
        `Real: POST /api/admin/keys/retire ${oldKid} → ${retired.status}; the JWKS now lists ${published.length} key${published.length === 1 ? '' : 's'}`,
      );
    });

  const attack = () =>
    run(async () => {
      setWeak(
        await bearer('GET /api/lab/key-rotation/me, Bearer <a token signed with the old key>', '/api/lab/key-rotation/me', weakToken),
      );
      setReal(await bearer('GET /api/jwt/me, Bearer <a token signed with the retired key>', '/api/jwt/me', realToken));
    });

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 lg:grid-cols-4">
        <Step number={1} title="Issue a token from each">
          <p className="text-sm text-slate-700">The lab&apos;s token names no key. The real access token names its key by kid.</p>
          <ActionButton busy={busy} onClick={issue}>
            Issue the tokens
          </ActionButton>
        </Step>
        <Step number={2} title="Rotate">
          <p className="text-sm text-slate-700">
            Weak: see what replacing the one key would do. Real: the demo admin (public password) rotates the app&apos;s key.
          </p>
          <ActionButton busy={busy || realToken === ''} onClick={rotate}>
            Rotate the keys
          </ActionButton>
        </Step>
        <Step number={3} title="Retire the old key">
          <p className="text-sm text-slate-700">Once tokens signed with it have expired (here: at once), the old kid leaves the JWKS.</p>
          <ActionButton busy={busy || kids.length < 2} onClick={retire}>
            Retire the old key
          </ActionButton>
        </Step>
        <Step number={4} title="The old key leaked">
          <p className="text-sm text-slate-700">
            An attacker holds a token signed with the old key (here the one issued in step 1 stands in for one forged with the leaked key).
          </p>
          <ActionButton busy={busy || weakToken === ''} tone="attack" onClick={attack}>
            Present old-key tokens
          </ActionButton>
        </Step>
      </div>
      <p className="text-sm" data-testid="jwks-kids">
        <span className="font-semibold">Published in /.well-known/jwks.json:</span>{' '}
        <span className="font-mono">{kids.length === 0 ? '(not read yet)' : kids.join(', ')}</span>
      </p>
      <ActivityLog lines={log} />
      <SideBySide
        weak={weak}
        real={real}
        why="The weak lab cannot rotate: its tokens name no key, so a new key would fail them all, and the one key stays in use, leaked or not. The app names every key by kid: a rotation keeps old tokens verifying under their own kid until it is retired, and a retired kid verifies nothing."
      />
    </div>
  );
}
