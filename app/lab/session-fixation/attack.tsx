'use client';

import { useState } from 'react';
import { useBusyRun } from '../_lifecycle/use-busy-run';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { relayedAnswer } from '@/lib/lab/lifecycle/replay-answer';
import { guessNextIds } from '@/lib/lab/session-fixation/guessable-ids';
import { DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';
import { SideBySide } from '../_components/side-by-side';
import { ActionButton, ActivityLog, Step } from '../_lifecycle/controls';

const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' } } as const;
const [VICTIM, ATTACKER] = DEMO_CREDENTIALS;

interface Capture {
  handle: string;
  fingerprint: string;
}

function field(answer: LabAnswer, name: string): unknown {
  return typeof answer.body === 'object' && answer.body !== null ? (answer.body as Record<string, unknown>)[name] : undefined;
}

function realLogin(who: { username: string; password: string }): Promise<LabAnswer> {
  return sendAttack(`POST /api/session/login as ${who.username}`, '/api/session/login', {
    ...JSON_POST,
    body: JSON.stringify({ username: who.username, password: who.password }),
  });
}

async function captureRealCookie(): Promise<Capture | null> {
  const answer = await sendAttack('capture', '/api/lab/real-session/capture', { method: 'POST' });
  const handle = field(answer, 'handle');
  const fingerprint = field(answer, 'fingerprint');
  return typeof handle === 'string' && typeof fingerprint === 'string' ? { handle, fingerprint } : null;
}

export function SessionFixationAttack() {
  const [plantedId, setPlantedId] = useState('');
  const [planted, setPlanted] = useState<Capture | null>(null);
  const [afterLogin, setAfterLogin] = useState<Capture | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [weak, setWeak] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const [guess, setGuess] = useState<{ knownId: string; tries: number; answer: LabAnswer | null } | null>(null);
  const [realIds, setRealIds] = useState<string[]>([]);
  const { busy, run } = useBusyRun();
  const note = (line: string) => setLog((lines) => [...lines, line]);

  const getIds = () =>
    run(async () => {
      const visit = await sendAttack('visit', '/api/lab/session-fixation/visit', { method: 'POST' });
      const id = field(visit, 'id');
      if (typeof id === 'string') setPlantedId(id);
      note(`Attacker: POST /api/lab/session-fixation/visit → ${visit.status}, anonymous lab id ${String(id)}`);
      const login = await realLogin(ATTACKER);
      const capture = await captureRealCookie();
      setPlanted(capture);
      setAfterLogin(null);
      note(
        `Attacker: ${login.request} → ${login.status}; the attacker's own real session cookie is now in this browser (fingerprint ${capture?.fingerprint ?? 'none'})`,
      );
    });

  const plant = () =>
    run(async () => {
      const answer = await sendAttack('plant', '/api/lab/session-fixation/plant', {
        ...JSON_POST,
        body: JSON.stringify({ id: plantedId }),
      });
      note(`Attacker plants lab_fixation_sid=${plantedId} → ${answer.status}`);
    });

  const victimSignsIn = () =>
    run(async () => {
      const lab = await sendAttack('lab login', '/api/lab/session-fixation/login', { method: 'POST' });
      note(
        `Victim: POST /api/lab/session-fixation/login → ${lab.status}, id ${String(field(lab, 'id'))} (${field(lab, 'kept') === true ? 'the planted id was kept' : 'a new id'})`,
      );
      const login = await realLogin(VICTIM);
      const capture = await captureRealCookie();
      setAfterLogin(capture);
      note(`Victim: ${login.request} → ${login.status}; real cookie fingerprint now ${capture?.fingerprint ?? 'none'}`);
    });

  const usePlanted = () =>
    run(async () => {
      setWeak(
        await sendAttack(`POST /api/lab/session-fixation/me with the planted id ${plantedId}`, '/api/lab/session-fixation/me', {
          ...JSON_POST,
          body: JSON.stringify({ id: plantedId }),
        }),
      );
      const relay = await sendAttack('relay', '/api/lab/real-session/replay', {
        ...JSON_POST,
        body: JSON.stringify({ handle: planted?.handle ?? '' }),
      });
      setReal(relayedAnswer('GET /api/session/me with the planted real session cookie', relay));
    });

  const guessNext = () =>
    run(async () => {
      const visit = await sendAttack('visit', '/api/lab/session-fixation/visit', { method: 'POST' });
      const knownId = field(visit, 'id');
      if (typeof knownId !== 'string') return;
      await sendAttack('victim login', '/api/lab/session-fixation/victim-login', { method: 'POST' });
      const guesses = guessNextIds(knownId, Date.now() + 1000);
      let tries = 0;
      let hit: LabAnswer | null = null;
      for (const candidate of guesses) {
        tries += 1;
        const answer = await sendAttack(`POST /api/lab/session-fixation/me with the guess ${candidate}`, '/api/lab/session-fixation/me', {
          ...JSON_POST,
          body: JSON.stringify({ id: candidate }),
        });
        if (answer.verdict === 'accepted') {
          hit = answer;
          break;
        }
      }
      setGuess({ knownId, tries, answer: hit });
      const ids = await sendAttack('real ids', '/api/lab/session-fixation/real-ids');
      const values = field(ids, 'ids');
      setRealIds(Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : []);
    });

  const changed = planted !== null && afterLogin !== null ? planted.fingerprint !== afterLogin.fingerprint : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 lg:grid-cols-4">
        <Step number={1} title="Attacker gets a session">
          <p className="text-sm text-slate-700">
            An anonymous id from the weak site, and, on the real app, a real session of the attacker&apos;s own ({ATTACKER.username}).
          </p>
          <ActionButton busy={busy} onClick={getIds}>
            Get the attacker’s sessions
          </ActionButton>
        </Step>
        <Step number={2} title="Plant it">
          <p className="text-sm text-slate-700">
            The lab id goes into the victim&apos;s lab cookie (a link or a sibling subdomain would do it). The attacker&apos;s real cookie
            is already in this browser.
          </p>
          <ActionButton busy={busy} onClick={plant}>
            Plant the lab id
          </ActionButton>
        </Step>
        <Step number={3} title={`Victim signs in as ${VICTIM.username}`}>
          <p className="text-sm text-slate-700">Both logins run with the planted cookie in place.</p>
          <ActionButton busy={busy} onClick={victimSignsIn}>
            Victim signs in
          </ActionButton>
          {changed !== null && (
            <p className="text-sm" data-testid="real-cookie-changed">
              Real cookie {planted?.fingerprint} → {afterLogin?.fingerprint}: {changed ? 'replaced at login' : 'unchanged'}
            </p>
          )}
        </Step>
        <Step number={4} title="Attacker uses the planted value">
          <p className="text-sm text-slate-700">The attacker presents what they planted, from their own browser.</p>
          <ActionButton busy={busy} tone="attack" onClick={usePlanted}>
            Use the planted session
          </ActionButton>
        </Step>
      </div>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">Planted lab id (lab_fixation_sid)</span>
        <input
          value={plantedId}
          onChange={(event) => setPlantedId(event.target.value)}
          className="rounded border border-slate-300 p-2 font-mono text-sm"
        />
      </label>
      <ActivityLog lines={log} />
      <SideBySide
        weak={weak}
        real={real}
        why="The weak login attached alice to the id the browser already had, so the attacker who planted it is now alice. The real login ended the session the browser came with and issued a new random id: the planted cookie names a deleted session."
      />
      <section aria-label="Guess the next id" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3">
        <h2 className="font-semibold">Guessing ids</h2>
        <p className="text-sm text-slate-700">
          The attacker takes one lab id for themselves, alice signs in elsewhere, and the attacker tries the next counter value at each
          second since.
        </p>
        <div>
          <ActionButton busy={busy} tone="attack" onClick={guessNext}>
            Guess the next id
          </ActionButton>
        </div>
        {guess && (
          <div className="grid gap-3 md:grid-cols-2">
            <div data-testid="guess-result" data-verdict={guess.answer?.verdict ?? 'refused'} className="text-sm">
              <p>
                Given <code className="font-mono">{guess.knownId}</code>;{' '}
                {guess.answer
                  ? `guess ${guess.tries} hit alice's session: ${guess.answer.request.split(' ').pop() ?? ''}`
                  : `${guess.tries} guesses, no hit`}
              </p>
              {guess.answer && <pre className="mt-1 rounded bg-red-50 p-2 text-xs">{JSON.stringify(guess.answer.body)}</pre>}
            </div>
            <div className="text-sm" data-testid="real-ids">
              <p>Two ids from the real generator (256 random bits each; nothing follows from one to the next):</p>
              <ul className="font-mono text-xs break-all">
                {realIds.map((id) => (
                  <li key={id}>{id}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
