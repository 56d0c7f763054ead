'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { AdminPanel } from './admin-panel';
import { RaceTimeline } from './race-timeline';
import { StrategyColumn } from './strategy-column';
import type { RuntimeSettings } from './types';
import { useLane, type Lane } from './use-lane';

interface Health {
  store: { driver: 'memory' | 'redis' | 'upstash'; ok: boolean; roundTripMs: number | null; singleInstanceOnly: boolean };
  instance: string;
}

const DRIVER_LABEL = { memory: 'in-memory', redis: 'Redis (TCP)', upstash: 'Upstash (REST)' } as const;
const INTERVALS = [250, 500, 1000, 2000];

interface SettingsMeta {
  version: number;
  updatedAt: number;
  instance: { id: string; version: number; receivedAt: number };
}

interface SettingsResponse extends SettingsMeta {
  settings: RuntimeSettings;
}

interface UrlState {
  present: boolean;
  interval: number;
  ttl: number | null;
  denylist: boolean | null;
}

function readUrlState(): UrlState {
  const params = new URLSearchParams(window.location.search);
  const interval = Number(params.get('interval'));
  const ttl = Number(params.get('ttl'));
  const denylist = params.get('denylist');
  return {
    present: params.get('present') === '1',
    interval: INTERVALS.includes(interval) ? interval : 1000,
    ttl: Number.isInteger(ttl) && ttl >= 5 && ttl <= 3600 ? ttl : null,
    denylist: denylist === '1' ? true : denylist === '0' ? false : null,
  };
}

function writeUrlState(state: { present: boolean; interval: number; settings: RuntimeSettings | null }): void {
  const params = new URLSearchParams(window.location.search);
  const set = (key: string, value: string | null) => (value === null ? params.delete(key) : params.set(key, value));
  set('present', state.present ? '1' : null);
  set('interval', state.interval === 1000 ? null : String(state.interval));
  if (state.settings) {
    set('ttl', String(state.settings.accessTokenTtlSeconds));
    set('denylist', state.settings.denylist ? '1' : '0');
  }
  const query = params.toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

function secondsSince(from: number | null, to: number): string {
  return from === null ? '–' : `${((to - from) / 1000).toFixed(2)} s`;
}

function LaneVerdict({ lane, revokedAt, now, denylist, jwtExpiresAt }: { lane: Lane; revokedAt: number | null; now: number; denylist: boolean; jwtExpiresAt: number | null }) {
  const { state } = lane;
  const label = lane.strategy === 'session' ? 'Session' : 'JWT';
  if (revokedAt === null) {
    return <p data-testid={`verdict-${lane.strategy}`}>{label}: {state.user ? <><span aria-hidden="true">✓ </span>accepted</> : 'not signed in'}</p>;
  }
  if (state.firstRejectionAt !== null) {
    return (
      <p data-testid={`verdict-${lane.strategy}`} className="font-semibold text-red-800">
        <span aria-hidden="true">✕ </span>{label}: rejected <span data-testid={`time-to-rejection-${lane.strategy}`}>{secondsSince(revokedAt, state.firstRejectionAt)}</span> after revoke ({state.firstRejectionCode})
      </p>
    );
  }
  if (state.user === null) return <p data-testid={`verdict-${lane.strategy}`}>{label}: not signed in</p>;
  const left = jwtExpiresAt === null ? null : Math.max(0, (jwtExpiresAt - now) / 1000);
  return (
    <p data-testid={`verdict-${lane.strategy}`} className="font-semibold text-amber-800">
      <span aria-hidden="true">⚠ </span>{label}: still accepted {secondsSince(revokedAt, now)} after revoke.
      {lane.strategy === 'jwt' && !denylist && (
        <span className="font-normal text-slate-800">
          {' '}Its access token stays valid until it expires, and nobody asks the store.{' '}
          {left !== null && <>Expires in <strong data-testid="jwt-countdown">{left.toFixed(1)} s</strong>.</>}
        </span>
      )}
    </p>
  );
}

/** The side-by-side dashboard: both strategies, the revocation race, and the presenter's controls. */
export function Dashboard() {
  const session = useLane('session');
  const jwt = useLane('jwt');
  const [present, setPresent] = useState(false);
  const [interval, setIntervalMs] = useState(1000);
  const [paused, setPaused] = useState(false);
  const [help, setHelp] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [health, setHealth] = useState<Health | null>(null);
  const [adminSignedIn, setAdminSignedIn] = useState(false);
  const [settings, setSettings] = useState<RuntimeSettings | null>(null);
  const [settingsMeta, setSettingsMeta] = useState<SettingsMeta | null>(null);
  const [revokedAt, setRevokedAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const urlState = useRef<UrlState | null>(null);

  // Read the bookmarked setup and pick up logins this browser already has.
  useEffect(() => {
    urlState.current = readUrlState();
    setPresent(urlState.current.present);
    setIntervalMs(urlState.current.interval);
    void session.restore();
    void jwt.restore();
    void (async () => {
      const me = await fetch('/api/admin/me', { cache: 'no-store' });
      if (me.ok) await adminReady();
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    writeUrlState({ present, interval, settings });
  }, [present, interval, settings]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => {
      void session.poll();
      void jwt.poll();
    }, interval);
    return () => clearInterval(timer);
  }, [paused, interval, session.poll, jwt.poll]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const load = async () => {
      const response = await fetch('/api/health', { cache: 'no-store' }).catch(() => null);
      if (response) setHealth((await response.json().catch(() => null)) as Health | null);
    };
    void load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, []);

  // Settings may change elsewhere (the admin page, another presenter, another instance).
  useEffect(() => {
    if (!adminSignedIn) return;
    const timer = setInterval(async () => {
      const response = await fetch('/api/admin/settings', { cache: 'no-store' }).catch(() => null);
      if (!response?.ok) return;
      const loaded = (await response.json()) as SettingsResponse;
      setSettings(loaded.settings);
      setSettingsMeta({ version: loaded.version, updatedAt: loaded.updatedAt, instance: loaded.instance });
    }, 5000);
    return () => clearInterval(timer);
  }, [adminSignedIn]);

  const putSettings = useCallback(async (patch: Partial<RuntimeSettings>) => {
    const response = await fetch('/api/admin/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
    const body = (await response.json().catch(() => null)) as (Partial<SettingsResponse> & { message?: string }) | null;
    if (response.ok && body?.settings && body.instance && body.version !== undefined && body.updatedAt !== undefined) {
      setSettings(body.settings);
      setSettingsMeta({ version: body.version, updatedAt: body.updatedAt, instance: body.instance });
      setMessage(null);
    } else {
      setMessage(`✕ ${body?.message ?? `Settings failed (${response.status})`}`);
    }
  }, []);

  async function adminReady() {
    setAdminSignedIn(true);
    const response = await fetch('/api/admin/settings', { cache: 'no-store' });
    if (!response.ok) return;
    const loaded = (await response.json()) as SettingsResponse;
    const current = loaded.settings;
    setSettings(current);
    setSettingsMeta({ version: loaded.version, updatedAt: loaded.updatedAt, instance: loaded.instance });
    // A bookmarked setup wins over whatever the server had.
    const wanted = urlState.current;
    const patch: Partial<RuntimeSettings> = {};
    if (wanted?.ttl != null && wanted.ttl !== current.accessTokenTtlSeconds) patch.accessTokenTtlSeconds = wanted.ttl;
    if (wanted?.denylist != null && wanted.denylist !== current.denylist) patch.denylist = wanted.denylist;
    if (Object.keys(patch).length > 0) await putSettings(patch);
  }

  async function signInAdmin() {
    const response = await fetch('/api/admin/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'control-room' }) });
    if (response.ok) await adminReady();
    else setMessage(`✕ Admin login failed (${response.status})`);
  }

  const target = session.state.user?.username ?? jwt.state.user?.username ?? 'alice';

  const revoke = useCallback(async () => {
    setBusy(true);
    const response = await fetch('/api/admin/revoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: target }) });
    setBusy(false);
    if (!response.ok) {
      setMessage(`✕ Revoke failed (${response.status})`);
      return;
    }
    // Measured on this page's clock, from the moment the server confirmed the revoke.
    const at = Date.now();
    session.markRevoked(at);
    jwt.markRevoked(at);
    setRevokedAt(at);
    const body = (await response.json()) as { sessionsRevoked: number; refreshFamiliesRevoked: number };
    setMessage(`✓ Revoked ${target}: ${body.sessionsRevoked} session(s), ${body.refreshFamiliesRevoked} refresh famil${body.refreshFamiliesRevoked === 1 ? 'y' : 'ies'}`);
  }, [target, session, jwt]);

  const logInBoth = useCallback(async () => {
    setRevokedAt(null);
    await Promise.all([session.login('alice', 'wonderland'), jwt.login('alice', 'wonderland')]);
  }, [session, jwt]);

  async function rotateKey() {
    const response = await fetch('/api/admin/keys/rotate', { method: 'POST' });
    setMessage(response.ok ? '✓ New signing key is current; the old one still verifies' : `✕ Rotation failed (${response.status})`);
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === '?') setHelp((shown) => !shown);
      else if (event.key === 'Escape') setHelp(false);
      else if (event.key === 'l') void logInBoth();
      else if (event.key === 'r' && adminSignedIn) void revoke();
      else if (event.key === 'd' && adminSignedIn && settings) void putSettings({ denylist: !settings.denylist });
      else if (event.key === 'p') setPresent((on) => !on);
      else if (event.key === ' ') {
        event.preventDefault();
        setPaused((on) => !on);
      } else return;
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [adminSignedIn, settings, revoke, logInBoth, putSettings]);

  const jwtExpiresAt = jwt.jwtInspection ? jwt.jwtInspection.payload.exp * 1000 : null;

  const race = (
    <section aria-labelledby="race-title" data-testid="race" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="race-title" className="text-2xl font-bold">The revocation race</h2>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button type="button" onClick={() => void logInBoth()} className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700">
            Log in both as alice <kbd className="ml-1 rounded bg-slate-700 px-1 font-normal">l</kbd>
          </button>
          <label className="flex items-center gap-1">
            poll every
            <select value={interval} onChange={(e) => setIntervalMs(Number(e.target.value))} className="rounded-md border border-slate-300 px-1 py-1" aria-label="Poll interval">
              {INTERVALS.map((value) => <option key={value} value={value}>{value >= 1000 ? `${value / 1000} s` : `${value} ms`}</option>)}
            </select>
          </label>
          <button type="button" onClick={() => setPaused((on) => !on)} aria-pressed={paused} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
            {paused ? '▶ Resume' : '❚❚ Pause'} <kbd className="ml-1 rounded bg-slate-200 px-1">space</kbd>
          </button>
        </div>
      </div>
      <div className="mt-2 grid gap-4 lg:grid-cols-[1fr_17rem]">
        <div>
          <RaceTimeline
            now={now}
            revokedAt={revokedAt}
            lanes={[
              { id: 'session', label: 'Session', marks: session.state.marks },
              { id: 'jwt', label: 'JWT', marks: jwt.state.marks },
            ]}
          />
          <div className={`mt-1 space-y-1 ${present ? 'text-xl' : 'text-base'}`} aria-live="polite">
            <LaneVerdict lane={session} revokedAt={revokedAt} now={now} denylist={settings?.denylist ?? false} jwtExpiresAt={null} />
            <LaneVerdict lane={jwt} revokedAt={revokedAt} now={now} denylist={settings?.denylist ?? false} jwtExpiresAt={jwtExpiresAt} />
          </div>
          {revokedAt !== null && jwt.state.firstRejectionAt !== null && session.state.firstRejectionAt !== null && (
            <p className="mt-2 max-w-3xl text-slate-800" data-testid="race-lesson">
              {settings?.denylist
                ? 'With the denylist on, every JWT request asks the store, so the token died at its next request, like the session. The price: one store lookup per request, which is what JWTs were meant to avoid.'
                : 'The session died at its next lookup: its record was gone. The JWT needs no lookup, so it kept working until its access token expired; only then did the refresh, which the server can revoke, fail.'}
            </p>
          )}
          <p className="mt-1 text-xs text-slate-600">● accepted · ↻ refreshed · ✕ rejected (reason shown) · times measured in this browser from the server&apos;s revoke confirmation</p>
        </div>
        <AdminPanel signedIn={adminSignedIn} settings={settings} settingsMeta={settingsMeta} target={target} busy={busy} message={message} onSignIn={() => void signInAdmin()} onRevoke={() => void revoke()} onSettings={(patch) => void putSettings(patch)} onRotateKey={() => void rotateKey()} />
      </div>
    </section>
  );

  const columns = (
    <div className="grid gap-4 md:grid-cols-2">
      <StrategyColumn lane={session} compact={present} />
      <StrategyColumn lane={jwt} compact={present} />
    </div>
  );

  return (
    <main className={`mx-auto flex flex-col gap-4 px-4 py-4 ${present ? 'max-w-none text-lg' : 'max-w-7xl text-base'}`} data-presenter={present ? 'on' : 'off'}>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className={`font-bold tracking-tight ${present ? 'text-4xl' : 'text-3xl'}`}>session-vs-jwt</h1>
          {!present && <p className="text-slate-700">Two real login strategies on one server: what each costs per request, and how long each keeps working after a revoke.</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {health && (
            <div data-testid="store-badge" className={`flex flex-wrap items-center gap-2 rounded-lg border px-3 py-1.5 text-sm ${health.store.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}>
              <strong><span aria-hidden="true">{health.store.ok ? '● ' : '✕ '}</span>Store: {DRIVER_LABEL[health.store.driver]}</strong>
              <span>{health.store.ok ? `round trip ${health.store.roundTripMs?.toFixed(2)} ms` : 'not answering'}</span>
              {settings && settings.storeLatencyMs > 0 && <span className="rounded bg-amber-200 px-1.5 font-medium text-amber-950">includes {settings.storeLatencyMs} ms simulated latency</span>}
              {health.store.singleInstanceOnly && <span className="rounded bg-amber-100 px-1.5 font-medium text-amber-900">single instance only</span>}
              <span className="text-slate-600">instance {health.instance}</span>
            </div>
          )}
          <button type="button" onClick={() => setPresent((on) => !on)} aria-pressed={present} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">
            Presenter mode <kbd className="rounded bg-slate-200 px-1">p</kbd>
          </button>
          <button type="button" onClick={() => setHelp(true)} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50" aria-label="Keyboard shortcuts">?</button>
        </div>
      </header>
      {present ? <>{race}{columns}</> : <>{columns}{race}</>}
      {!present && (
        <nav className="flex flex-wrap gap-4 text-sm text-slate-700">
          <a className="underline" href="/session">Session page</a>
          <a className="underline" href="/jwt">JWT page</a>
          <a className="underline" href="/admin">Admin console</a>
          <a className="underline" href="/.well-known/jwks.json">JWKS</a>
        </nav>
      )}
      {help && (
        <div role="dialog" aria-modal="true" aria-labelledby="help-title" className="fixed inset-0 z-10 flex items-center justify-center bg-slate-900/50" onClick={() => setHelp(false)}>
          <div className="rounded-xl bg-white p-6 text-lg shadow-xl" onClick={(event) => event.stopPropagation()}>
            <h2 id="help-title" className="text-2xl font-bold">Keyboard shortcuts</h2>
            <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
              <dt><kbd className="rounded bg-slate-200 px-2">l</kbd></dt><dd>log in both columns as alice</dd>
              <dt><kbd className="rounded bg-slate-200 px-2">r</kbd></dt><dd>revoke the user (admin)</dd>
              <dt><kbd className="rounded bg-slate-200 px-2">d</kbd></dt><dd>toggle the JWT denylist (admin)</dd>
              <dt><kbd className="rounded bg-slate-200 px-2">space</kbd></dt><dd>pause or resume polling</dd>
              <dt><kbd className="rounded bg-slate-200 px-2">p</kbd></dt><dd>presenter mode</dd>
              <dt><kbd className="rounded bg-slate-200 px-2">?</kbd></dt><dd>this help (Esc closes)</dd>
            </dl>
            <button type="button" autoFocus onClick={() => setHelp(false)} className="mt-4 rounded-md bg-slate-900 px-4 py-2 font-semibold text-white">Close</button>
          </div>
        </div>
      )}
    </main>
  );
}
