'use client';

import { useState, type FormEvent } from 'react';
import type { SettingsBody } from '@/lib/client/api';
import { useAdminSettings } from '@/lib/client/use-admin-settings';
import { ACCESS_TOKEN_TTL_PRESETS, ACCESS_TOKEN_TTL_SECONDS, REFRESH_GRACE_SECONDS, STORE_LATENCY_MS } from '@/lib/policy';
import type { RuntimeSettings } from '@/lib/settings/settings';

const PRESET_ON = 'border-sky-700 bg-sky-700 text-white';
const PRESET_OFF = 'border-slate-300 hover:bg-slate-50';
const box = 'flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm max-sm:p-4';

/** The runtime demo settings, shared by every instance through the store. */
export function AdminSettings() {
  const { state, save } = useAdminSettings({ enabled: true });
  const [message, setMessage] = useState<string | null>(null);

  async function apply(patch: Partial<RuntimeSettings>) {
    const result = await save(patch);
    setMessage(result.ok ? `✓ Saved as version ${result.data.version}` : `✕ ${result.error.message}`);
  }

  if (!state) {
    // Holds the form's place until the settings arrive, so the sections below do not jump.
    return (
      <section aria-label="Demo settings" aria-busy="true" className={`${box} min-h-[15rem]`}>
        <h2 className="text-xl font-semibold">Demo settings</h2>
        <p className="text-slate-600">Loading the settings…</p>
      </section>
    );
  }
  // Keyed by version: a newly saved or loaded version starts a fresh draft.
  return <SettingsForm key={state.version} state={state} message={message} apply={(patch) => void apply(patch)} />;
}

interface SettingsFormProps {
  state: SettingsBody;
  message: string | null;
  apply(patch: Partial<RuntimeSettings>): void;
}

function SettingsForm({ state, message, apply }: SettingsFormProps) {
  const [draft, setDraft] = useState<RuntimeSettings>(state.settings);

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  const number = (key: 'accessTokenTtlSeconds' | 'refreshGraceSeconds' | 'storeLatencyMs') => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: Number(e.target.value) });
  return (
    <form onSubmit={submit} aria-label="Demo settings" className={`${box} min-h-[15rem]`}>
      <h2 className="text-xl font-semibold">Demo settings</h2>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 text-sm font-medium">Access-token lifetime (new tokens)</legend>
        {ACCESS_TOKEN_TTL_PRESETS.map((preset) => (
          <button
            key={preset.seconds}
            type="button"
            aria-pressed={state.settings.accessTokenTtlSeconds === preset.seconds}
            onClick={() => apply({ accessTokenTtlSeconds: preset.seconds })}
            className={`rounded-md border px-3 py-1.5 ${state.settings.accessTokenTtlSeconds === preset.seconds ? PRESET_ON : PRESET_OFF}`}
          >
            {preset.label}
          </button>
        ))}
        <label className="ml-2 flex items-center gap-2 text-sm">
          seconds
          <input
            type="number"
            min={ACCESS_TOKEN_TTL_SECONDS.min}
            max={ACCESS_TOKEN_TTL_SECONDS.max}
            value={draft.accessTokenTtlSeconds}
            onChange={number('accessTokenTtlSeconds')}
            className="w-24 rounded-md border border-slate-300 px-2 py-1"
            aria-label="Access-token lifetime in seconds"
          />
        </label>
      </fieldset>
      <div className="flex flex-wrap gap-x-6 gap-y-3">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={draft.denylist} onChange={(e) => apply({ denylist: e.target.checked })} className="h-5 w-5" />
          JWT denylist (a store lookup on every JWT request)
        </label>
        <label className="flex items-center gap-2 text-sm">
          Refresh grace window (s)
          <input
            type="number"
            min={REFRESH_GRACE_SECONDS.min}
            max={REFRESH_GRACE_SECONDS.max}
            value={draft.refreshGraceSeconds}
            onChange={number('refreshGraceSeconds')}
            className="w-20 rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          Simulated store latency (ms)
          <input
            type="number"
            min={STORE_LATENCY_MS.min}
            max={STORE_LATENCY_MS.max}
            value={draft.storeLatencyMs}
            onChange={number('storeLatencyMs')}
            className="w-24 rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">
          Save settings
        </button>
        <span className="text-sm text-slate-600" data-testid="settings-version">
          version {state.version} · this instance ({state.instance.id}) has served it since{' '}
          {new Date(state.instance.receivedAt).toLocaleTimeString()}
        </span>
        {message && (
          <span role="status" className="text-sm font-medium">
            {message}
          </span>
        )}
      </div>
      {state.settings.storeLatencyMs > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span aria-hidden="true">⚠ </span>Simulated: every store call now waits {state.settings.storeLatencyMs} ms before it runs. The
          timings shown include this delay.
        </p>
      )}
    </form>
  );
}
