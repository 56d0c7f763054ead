'use client';

import type { RuntimeSettings } from './types';

const TTL_PRESETS = [
  { label: '15 min', seconds: 900 },
  { label: '60 s', seconds: 60 },
  { label: '10 s', seconds: 10 },
  { label: '5 s', seconds: 5 },
];

const LATENCY_PRESETS = [0, 5, 20, 50, 100];

export interface AdminPanelProps {
  signedIn: boolean;
  settings: RuntimeSettings | null;
  settingsMeta: { version: number; updatedAt: number; instance: { id: string; receivedAt: number } } | null;
  target: string;
  busy: boolean;
  message: string | null;
  onSignIn(): void;
  onRevoke(): void;
  onSettings(patch: Partial<RuntimeSettings>): void;
  onRotateKey(): void;
}

/** The presenter's controls, beside the race. They act through the real, authenticated admin API. */
export function AdminPanel(props: AdminPanelProps) {
  if (!props.signedIn || !props.settings) {
    return (
      <div className="flex flex-col gap-2" data-testid="admin-panel">
        <p className="font-semibold">Admin controls</p>
        <p className="text-sm text-slate-700">Revoking and changing settings needs an administrator session (its cookie is sent to /api/admin only).</p>
        <button type="button" onClick={props.onSignIn} className="rounded-md bg-slate-900 px-3 py-2 font-semibold text-white hover:bg-slate-700">Sign in as admin</button>
      </div>
    );
  }
  const { settings } = props;
  return (
    <div className="flex flex-col gap-3" data-testid="admin-panel">
      <button type="button" disabled={props.busy} onClick={props.onRevoke} className="rounded-md bg-red-700 px-3 py-2 text-lg font-bold text-white hover:bg-red-800 disabled:opacity-50">
        Revoke {props.target} <kbd className="ml-1 rounded bg-red-900 px-1 text-sm font-normal">r</kbd>
      </button>
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" checked={settings.denylist} onChange={(e) => props.onSettings({ denylist: e.target.checked })} className="h-5 w-5" />
        Denylist {settings.denylist ? 'on' : 'off'} <kbd className="rounded bg-slate-200 px-1 text-sm font-normal">d</kbd>
      </label>
      <p className="-mt-2 text-xs text-slate-600">{settings.denylist ? 'Every JWT request now asks the store: state is back.' : 'JWT requests verify locally; a revoke waits for expiry.'}</p>
      <fieldset>
        <legend className="text-sm font-medium">Access-token lifetime (new tokens)</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {TTL_PRESETS.map((preset) => (
            <button
              key={preset.seconds}
              type="button"
              aria-pressed={settings.accessTokenTtlSeconds === preset.seconds}
              onClick={() => props.onSettings({ accessTokenTtlSeconds: preset.seconds })}
              className={`rounded-md border px-2 py-1 text-sm ${settings.accessTokenTtlSeconds === preset.seconds ? 'border-sky-800 bg-sky-800 text-white' : 'border-slate-300 bg-white hover:bg-slate-50'}`}
            >
              {preset.label}
            </button>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium">
        Simulated store latency
        <select value={settings.storeLatencyMs} onChange={(e) => props.onSettings({ storeLatencyMs: Number(e.target.value) })} className="rounded-md border border-slate-300 bg-white px-2 py-1">
          {[...new Set([...LATENCY_PRESETS, settings.storeLatencyMs])].sort((a, b) => a - b).map((value) => (
            <option key={value} value={value}>{value === 0 ? 'none' : `${value} ms`}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onRotateKey} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Rotate signing key</button>
      {props.settingsMeta && props.settingsMeta.version > 0 && (
        <p className="text-xs text-slate-600" data-testid="settings-reach">
          Settings v{props.settingsMeta.version}: instance {props.settingsMeta.instance.id} has served them since{' '}
          {new Date(props.settingsMeta.instance.receivedAt).toLocaleTimeString()} ({Math.max(0, props.settingsMeta.instance.receivedAt - props.settingsMeta.updatedAt)} ms after the change)
        </p>
      )}
      {props.message && <p role="status" className="text-sm font-medium">{props.message}</p>}
    </div>
  );
}
