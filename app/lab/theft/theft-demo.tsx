'use client';

import { useEffect, useState } from 'react';
import { DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';
import { ClientPanel } from './client-panel';
import { TwoTabs } from './two-tabs';
import { useOwnEvents } from './use-own-events';
import { useTokenClient, type TokenResponse } from './use-token-client';

export type WindowRole = 'victim' | 'attacker';

export interface TheftSettings {
  accessTokenTtlSeconds: number;
  refreshGraceSeconds: number;
  denylist: boolean;
}

const THEFT_USERS = DEMO_CREDENTIALS.filter((credential) => credential.role === 'user');
/** bob by default: the other pages and specs mostly use alice, and a detected theft marks its user revoked. */
const FIRST_VICTIM = THEFT_USERS.find((user) => user.username === 'bob') ?? DEMO_CREDENTIALS[0];
const REAL_TITLE = 'Real flow: rotated, reuse detected';
const LAB_TITLE = 'Lab variant: never rotated';

async function postJson(url: string, body: object, bearer?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const asTokens = (body: unknown) => body as TokenResponse;
const errorOf = (body: unknown) => (body as { message?: string } | null)?.message ?? 'no answer';

function VictimWindow() {
  const real = useTokenClient('real');
  const lab = useTokenClient('no-rotation');
  const events = useOwnEvents(real.state.accessToken);
  const [username, setUsername] = useState<string>(FIRST_VICTIM.username);
  const [password, setPassword] = useState<string>(FIRST_VICTIM.password);
  const [error, setError] = useState<string | null>(null);

  async function signIn() {
    setError(null);
    const login = await postJson('/api/jwt/token', { username, password });
    if (login.status !== 200) return setError(`Sign-in refused (${login.status}): ${errorOf(login.body)}`);
    const tokens = asTokens(login.body);
    real.adopt(tokens, username);
    // The lab's weak token for the same user, granted on the strength of the real access token.
    const labLogin = await postJson('/api/lab/theft/login', { variant: 'no-rotation' }, tokens.access_token);
    if (labLogin.status !== 200) return setError(`Lab sign-in refused (${labLogin.status}): ${errorOf(labLogin.body)}`);
    lab.adopt(asTokens(labLogin.body), username);
  }

  return (
    <div className="flex flex-col gap-3">
      <form
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn();
        }}
      >
        <label className="flex flex-col text-sm font-medium">
          User
          <select
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
              setPassword(THEFT_USERS.find((user) => user.username === event.target.value)?.password ?? '');
            }}
            className="rounded border border-slate-400 px-2 py-1"
          >
            {THEFT_USERS.map((user) => (
              <option key={user.username}>{user.username}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm font-medium">
          Password
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded bg-sky-800 px-4 py-1.5 font-semibold text-white hover:bg-sky-900">
          Sign in as the victim
        </button>
        <p className="min-w-0 flex-1 basis-72 text-sm text-slate-700">
          This window holds its tokens in memory, as a native app does (POST /api/jwt/token), so it can show its refresh token. A browser
          keeps the real one in an HttpOnly cookie that no script can read.
        </p>
        {error !== null && (
          <p role="alert" className="w-full text-red-700">
            {error}
          </p>
        )}
      </form>
      <div className="grid gap-3 md:grid-cols-2">
        <ClientPanel
          id="victim-real"
          title={REAL_TITLE}
          weak={false}
          state={real.state}
          now={real.now}
          meUrl="/api/jwt/me"
          tokenLabel="Real refresh token (what malware on this device could copy)"
          onRefresh={() => void real.refresh()}
          events={events}
        />
        <ClientPanel
          id="victim-lab"
          title={LAB_TITLE}
          weak
          state={lab.state}
          now={lab.now}
          meUrl="/api/lab/theft/me"
          tokenLabel="Lab refresh token (what malware on this device could copy)"
          onRefresh={() => void lab.refresh()}
        />
      </div>
    </div>
  );
}

function StolenTokenInput({ label, button, onUse }: { label: string; button: string; onUse: (token: string) => void }) {
  const [token, setToken] = useState('');
  return (
    <div className="flex flex-col gap-1">
      <label className="flex flex-col gap-1 text-sm font-medium">
        {label}
        <textarea
          rows={2}
          value={token}
          onChange={(event) => setToken(event.target.value.trim())}
          placeholder="Paste the victim's refresh token here"
          className="resize-none rounded border border-slate-400 p-1.5 font-mono text-xs break-all"
        />
      </label>
      <button
        type="button"
        onClick={() => onUse(token)}
        disabled={token === ''}
        className="self-start rounded bg-red-800 px-3 py-1 text-sm font-semibold text-white hover:bg-red-900 disabled:opacity-50"
      >
        {button}
      </button>
    </div>
  );
}

function AttackerWindow() {
  const real = useTokenClient('real');
  const lab = useTokenClient('no-rotation');
  const events = useOwnEvents(real.state.accessToken);
  return (
    <div className="flex flex-col gap-3">
      <p className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-800">
        The attacker has no password, only the refresh tokens malware copied from the victim&apos;s window: paste each one and refresh with
        it. From then on this window refreshes by itself, like the victim&apos;s.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <ClientPanel
          id="attacker-real"
          title={REAL_TITLE}
          weak={false}
          state={real.state}
          now={real.now}
          meUrl="/api/jwt/me"
          tokenLabel={null}
          onRefresh={() => void real.refresh()}
          events={events}
        >
          <StolenTokenInput
            label="Stolen real refresh token"
            button="Refresh with the stolen real token"
            onUse={(token) => void real.refresh(token)}
          />
        </ClientPanel>
        <ClientPanel
          id="attacker-lab"
          title={LAB_TITLE}
          weak
          state={lab.state}
          now={lab.now}
          meUrl="/api/lab/theft/me"
          tokenLabel={null}
          onRefresh={() => void lab.refresh()}
        >
          <StolenTokenInput
            label="Stolen lab refresh token"
            button="Refresh with the stolen lab token"
            onUse={(token) => void lab.refresh(token)}
          />
        </ClientPanel>
      </div>
    </div>
  );
}

function SettingsLine({ settings }: { settings: TheftSettings | null }) {
  if (settings === null) return <p className="text-slate-600">Reading this server&apos;s settings…</p>;
  return (
    <p data-testid="theft-settings" className="text-sm text-slate-800">
      This server right now: access tokens live <strong data-testid="access-ttl">{settings.accessTokenTtlSeconds} s</strong>, the grace
      window is <strong data-testid="refresh-grace">{settings.refreshGraceSeconds} s</strong>, the denylist is{' '}
      <strong>{settings.denylist ? 'on' : 'off'}</strong>
      {settings.denylist
        ? ' (a detected theft also revokes the access tokens already issued).'
        : ' (an access token already issued works until it expires).'}
    </p>
  );
}

/** The whole demo in one window: a role choice, then the victim's or the attacker's panes, then the two-tab toggle. */
export function TheftDemo({ initialRole }: { initialRole: WindowRole }) {
  const [role, setRole] = useState<WindowRole>(initialRole);
  const [settings, setSettings] = useState<TheftSettings | null>(null);

  useEffect(() => {
    void fetch('/api/lab/theft/settings')
      .then((response) => (response.ok ? (response.json() as Promise<TheftSettings>) : null))
      .then(setSettings)
      .catch(() => undefined);
  }, []);

  function choose(next: WindowRole) {
    setRole(next);
    // In the address bar too, so a presenter can open the other window straight at its role.
    window.history.replaceState(null, '', next === 'victim' ? '/lab/theft' : '/lab/theft?role=attacker');
  }

  return (
    <div className="flex flex-col gap-3">
      <SettingsLine settings={settings} />
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border-2 border-slate-400 bg-white px-3 py-1.5">
        <legend className="sr-only">This window is the</legend>
        <span aria-hidden className="font-semibold">
          This window is the
        </span>
        {(['victim', 'attacker'] as const).map((choice) => (
          <label key={choice} className="flex items-center gap-2 text-lg font-medium">
            <input type="radio" name="window-role" checked={role === choice} onChange={() => choose(choice)} />
            {choice} window
          </label>
        ))}
        <span className="text-sm text-slate-700">
          Open this page twice, in two browser profiles (one normal, one private), one role in each.
        </span>
      </fieldset>
      {/* Keyed: switching role starts that window's clients from nothing. */}
      {role === 'victim' ? <VictimWindow key="victim" /> : <AttackerWindow key="attacker" />}
      <TwoTabs settings={settings} />
    </div>
  );
}
