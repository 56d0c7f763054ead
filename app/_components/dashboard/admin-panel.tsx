'use client';

import type { SettingsBody } from '@/lib/client/api';
import type { AdminStatus } from '@/lib/client/use-admin-session';
import { ACCESS_TOKEN_TTL_PRESETS, STORE_LATENCY_PRESETS_MS } from '@/lib/policy';
import type { RuntimeSettings } from '@/lib/settings/settings';

export interface AdminPanelProps {
  status: AdminStatus;
  settings: SettingsBody | null;
  target: string;
  busy: boolean;
  message: string | null;
  onSignIn(): void;
  onRevoke(): void;
  onSettings(patch: Partial<RuntimeSettings>): void;
  onRotateKey(): void;
}

const PRESET_ON = 'border-sky-800 bg-sky-800 text-white';
const PRESET_OFF = 'border-slate-300 bg-white hover:bg-slate-50';

function SettingsReach({ state }: { state: SettingsBody | null }) {
  if (state === null)
    return <p className="min-h-[3rem] text-xs text-slate-600">Sign in to see and change the settings every instance serves.</p>;
  if (state.version === 0)
    return <p className="min-h-[3rem] text-xs text-slate-600">Settings: the defaults, never changed on this store.</p>;
  const { instance } = state;
  return (
    <p className="min-h-[3rem] text-xs text-slate-600" data-testid="settings-reach">
      Settings v{state.version}: instance {instance.id} has served them since {new Date(instance.receivedAt).toLocaleTimeString()} (
      {Math.max(0, instance.receivedAt - state.updatedAt)} ms after the change)
    </p>
  );
}

/**
 * The presenter's controls, beside the race. They act through the real, authenticated admin API.
 * Signed out they are shown disabled, in the same place and size, under the sign-in button.
 */
export function AdminPanel(props: AdminPanelProps) {
  const state = props.status === 'signed-in' ? props.settings : null;
  const settings = state?.settings ?? null;
  const big = 'rounded-md px-3 py-2 text-lg font-bold text-white';
  const latencies = [...new Set([...STORE_LATENCY_PRESETS_MS, ...(settings ? [settings.storeLatencyMs] : [])])].sort((a, b) => a - b);
  return (
    <div className="flex flex-col gap-3" data-testid="admin-panel">
      <h3 className="font-semibold">Admin controls</h3>
      {settings ? (
        <button
          type="button"
          disabled={props.busy}
          onClick={props.onRevoke}
          className={`${big} bg-red-700 hover:bg-red-800 disabled:opacity-50`}
        >
          Revoke {props.target} <kbd className="ml-1 rounded bg-red-900 px-1 text-sm font-normal">r</kbd>
        </button>
      ) : (
        <button type="button" onClick={props.onSignIn} className={`${big} bg-slate-900 hover:bg-slate-700`}>
          Sign in as admin
        </button>
      )}
      <fieldset disabled={!settings} className="flex min-w-0 flex-col gap-3">
        <legend className="sr-only">Settings</legend>
        <label className="flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            checked={settings?.denylist ?? false}
            onChange={(e) => props.onSettings({ denylist: e.target.checked })}
            className="h-5 w-5 disabled:opacity-50"
          />
          Denylist {settings ? (settings.denylist ? 'on' : 'off') : ''}{' '}
          <kbd className="rounded bg-slate-200 px-1 text-sm font-normal">d</kbd>
        </label>
        <p className="-mt-2 min-h-[3rem] text-xs text-slate-700">
          {!settings
            ? 'Revoking and changing settings needs an administrator session (its cookie is sent to /api/admin only).'
            : settings.denylist
              ? 'Every JWT request now asks the store: state is back.'
              : 'JWT requests verify locally; a revoke waits for expiry.'}
        </p>
        <fieldset>
          <legend className="text-sm font-medium">Access-token lifetime (new tokens)</legend>
          <div className="mt-1 flex flex-wrap gap-1">
            {ACCESS_TOKEN_TTL_PRESETS.map((preset) => {
              const on = settings?.accessTokenTtlSeconds === preset.seconds;
              return (
                <button
                  key={preset.seconds}
                  type="button"
                  aria-pressed={on}
                  onClick={() => props.onSettings({ accessTokenTtlSeconds: preset.seconds })}
                  className={`rounded-md border px-2 py-1 text-sm disabled:opacity-50 ${on ? PRESET_ON : PRESET_OFF}`}
                >
                  {preset.label}
                </button>
              );
            })}
          </div>
        </fieldset>
        <label className="flex flex-wrap items-center gap-2 text-sm font-medium">
          Simulated store latency
          <select
            value={settings ? settings.storeLatencyMs : ''}
            onChange={(e) => props.onSettings({ storeLatencyMs: Number(e.target.value) })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 disabled:opacity-50"
          >
            {!settings && <option value="">–</option>}
            {latencies.map((value) => (
              <option key={value} value={value}>
                {value === 0 ? 'none' : `${value} ms`}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={props.onRotateKey}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
        >
          Rotate signing key
        </button>
      </fieldset>
      <SettingsReach state={state} />
      <p role="status" className="min-h-[1.25rem] text-sm font-medium">
        {props.message}
      </p>
    </div>
  );
}
