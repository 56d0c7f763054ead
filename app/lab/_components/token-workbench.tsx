'use client';

import { useRef, useState, type ReactNode } from 'react';
import { decodeToken, type JsonObject } from '@/lib/lab/forgery/compact-jws';
import { withAdminClaims } from '@/lib/lab/forgery/lab-users';
import { sendAttack, type LabAnswer } from '@/lib/lab/lab-answer';
import { SideBySide } from './side-by-side';

/** What a case's forge step gets: the edited header and payload, the legitimate token, a progress line. */
interface ForgeInput {
  header: JsonObject;
  payload: JsonObject;
  legitimateToken: string;
  report(line: string): void;
}

interface TokenWorkbenchProps {
  slug: string;
  /** Button text for getting the legitimate token, e.g. "Get a lab token for alice". */
  issueLabel: string;
  issueToken(): Promise<string>;
  /** Absent for cases whose token needs no forging (case 16). */
  forge?: { label: string; run(input: ForgeInput): Promise<string> };
  /** Why the two endpoints answer differently. */
  why: string;
  /** Case-specific panels, under the editors. */
  children?: ReactNode;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Roughly how many characters of the editors' monospace text fit on one line of the narrow column. */
const EDITOR_LINE_CHARACTERS = 50;

/** Tall enough to show a decoded part whole (up to `max` rows), so the claims are read, not scrolled to. */
const rowsFor = (text: string, min: number, max: number) => {
  const visualLines = text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil(line.length / EDITOR_LINE_CHARACTERS)), 0);
  return Math.min(max, Math.max(min, visualLines));
};

function parseObject(text: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`The ${what} is not valid JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`The ${what} must be a JSON object.`);
  return value as JsonObject;
}

const buttonClass = 'rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700 disabled:opacity-50';
const secondaryButtonClass =
  'rounded-md border border-slate-900 bg-white px-3 py-1.5 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-50';
const editorClass = 'w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs leading-snug';

/**
 * The token-forgery cases' shared bench: get a legitimate lab token, edit its decoded header and
 * payload, forge (the case's own step, in this browser), then send the same token as a Bearer to the
 * case's weak endpoint and to the app's real GET /api/jwt/me, side by side.
 */
export function TokenWorkbench({ slug, issueLabel, issueToken, forge, why, children }: TokenWorkbenchProps) {
  const [legitimateToken, setLegitimateToken] = useState('');
  const [headerText, setHeaderText] = useState('');
  const [payloadText, setPayloadText] = useState('');
  const [token, setToken] = useState('');
  const [progress, setProgress] = useState('Start by getting a legitimate token.');
  const [busy, setBusy] = useState(false);
  const [weak, setWeak] = useState<LabAnswer | null>(null);
  const [real, setReal] = useState<LabAnswer | null>(null);
  const answers = useRef<HTMLDivElement>(null);

  const showDecoded = (value: string) => {
    const decoded = decodeToken(value);
    if (!decoded.ok) return;
    setHeaderText(pretty(decoded.token.header));
    setPayloadText(pretty(decoded.token.payload));
  };

  const act = async (step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
    } catch (error) {
      setProgress(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const issue = () =>
    act(async () => {
      const issued = await issueToken();
      setLegitimateToken(issued);
      setToken(issued);
      showDecoded(issued);
      setWeak(null);
      setReal(null);
      setProgress('Got a legitimate token. Its header and payload are decoded below: anyone can read them.');
    });

  const makeAdmin = () =>
    act(async () => {
      setPayloadText(pretty(withAdminClaims(parseObject(payloadText, 'payload'))));
      setProgress('Payload edited: sub, username and role now name the admin. The signature no longer matches.');
    });

  const runForge = () =>
    act(async () => {
      if (!forge) return;
      const forged = await forge.run({
        header: parseObject(headerText, 'header'),
        payload: parseObject(payloadText, 'payload'),
        legitimateToken,
        report: setProgress,
      });
      setToken(forged);
      showDecoded(forged);
    });

  const sendToBoth = () =>
    act(async () => {
      // `credentials: 'omit'`: only the token under test travels, never a real cookie of this browser.
      const init: RequestInit = { headers: { Authorization: `Bearer ${token.trim()}` }, credentials: 'omit' };
      const [weakAnswer, realAnswer] = await Promise.all([
        sendAttack(`GET /api/lab/${slug}/me with Authorization: Bearer <the token>`, `/api/lab/${slug}/me`, init),
        sendAttack('GET /api/jwt/me with Authorization: Bearer <the same token>', '/api/jwt/me', init),
      ]);
      setWeak(weakAnswer);
      setReal(realAnswer);
      // On a 720-pixel projector the answers start below the fold: bring them up once they are in.
      requestAnimationFrame(() => answers.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }));
    });

  return (
    <section aria-label="Token workbench" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} onClick={issue} disabled={busy}>
          1. {issueLabel}
        </button>
        {forge && (
          <>
            <button type="button" className={secondaryButtonClass} onClick={makeAdmin} disabled={busy || payloadText === ''}>
              2. Make me admin
            </button>
            <button type="button" className={buttonClass} onClick={runForge} disabled={busy || payloadText === ''}>
              3. {forge.label}
            </button>
          </>
        )}
        <button type="button" className={buttonClass} onClick={sendToBoth} disabled={busy || token.trim() === ''}>
          {forge ? '4.' : '2.'} Send to both
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        data-testid="workbench-progress"
        className="rounded bg-slate-100 px-3 py-1.5 text-sm text-slate-800"
      >
        {progress}
      </p>
      <div className="grid gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="grid grid-cols-1 gap-2">
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Header (decoded, editable)
            <textarea
              className={editorClass}
              rows={rowsFor(headerText, 4, 12)}
              value={headerText}
              onChange={(event) => setHeaderText(event.target.value)}
              spellCheck={false}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Payload (decoded, editable)
            <textarea
              className={editorClass}
              rows={rowsFor(payloadText, 7, 16)}
              value={payloadText}
              onChange={(event) => setPayloadText(event.target.value)}
              spellCheck={false}
            />
          </label>
        </div>
        <div className="flex flex-col gap-2">
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Token to send (editable)
            <textarea
              className={`${editorClass} break-all`}
              rows={7}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              spellCheck={false}
            />
          </label>
          {children}
        </div>
      </div>
      <div ref={answers} className="scroll-mt-4">
        <SideBySide weak={weak} real={real} why={why} />
      </div>
    </section>
  );
}

/** POSTs `{ username }` to a lab token endpoint and returns the token, or throws the server's message. */
export async function fetchLabToken(url: string, body: JsonObject): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => null)) as { token?: string; access_token?: string; message?: string } | null;
  const token = answer?.token ?? answer?.access_token;
  if (!response.ok || typeof token !== 'string') throw new Error(answer?.message ?? `The token request answered ${response.status}.`);
  return token;
}
