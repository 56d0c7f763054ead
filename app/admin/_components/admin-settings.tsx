'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';

export interface RuntimeSettings {
  accessTokenTtlSeconds: number;
  denylist: boolean;
  refreshGraceSeconds: number;
  storeLatencyMs: number;
}

interface SettingsState {
  settings: RuntimeSettings;
  version: number;
  updatedAt: number;
  instance: { id: string; version: number; receivedAt: number };
}

const TTL_PRESETS = [
  { label: '15 min', seconds: 900 },
  { label: '60 s', seconds: 60 },
  { label: '10 s', seconds: 10 },
  { label: '5 s', seconds: 5 },
];

/** The runtime demo settings, shared by every instance through the store. */
export function AdminSettings() {
  const [state, setState] = useState<SettingsState | null>(null);
  const [draft, setDraft] = useState<RuntimeSettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await fetch('/api/admin/settings', { cache: 'no-store' });
    if (!response.ok) return;
    const body = (await response.json()) as SettingsState;
    setState(body);
    setDraft(body.settings);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function save(patch: Partial<RuntimeSettings>) {
    const response = await fetch('/api/admin/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
    const body = (await response.json().catch(() => null)) as (SettingsState & { message?: string }) | null;
    if (!response.ok || body === null) {
      setMessage(`✕ ${body?.message ?? `Saving failed (${response.status})`}`);
      return;
    }
    setState(body);
    setDraft(body.settings);
    setMessage(`✓ Saved as version ${body.version}`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft) void save(draft);
  }

  if (!state || !draft) return null;
  return (
    <form onSubmit={submit} aria-label="Demo settings" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-xl font-semibold">Demo settings</h2>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 text-sm font-medium">Access-token lifetime (new tokens)</legend>
        {TTL_PRESETS.map((preset) => (
          <button
            key={preset.seconds}
            type="button"
            aria-pressed={state.settings.accessTokenTtlSeconds === preset.seconds}
            onClick={() => void save({ accessTokenTtlSeconds: preset.seconds })}
            className={`rounded-md border px-3 py-1.5 ${state.settings.accessTokenTtlSeconds === preset.seconds ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 hover:bg-slate-50'}`}
          >
            {preset.label}
          </button>
        ))}
        <label className="ml-2 flex items-center gap-2 text-sm">
          seconds
          <input type="number" min={5} max={3600} value={draft.accessTokenTtlSeconds} onChange={(e) => setDraft({ ...draft, accessTokenTtlSeconds: Number(e.target.value) })} className="w-24 rounded-md border border-slate-300 px-2 py-1" aria-label="Access-token lifetime in seconds" />
        </label>
      </fieldset>
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={draft.denylist} onChange={(e) => void save({ denylist: e.target.checked })} className="h-5 w-5" />
          JWT denylist (a store lookup on every JWT request)
        </label>
        <label className="flex items-center gap-2 text-sm">
          Refresh grace window (s)
          <input type="number" min={0} max={60} value={draft.refreshGraceSeconds} onChange={(e) => setDraft({ ...draft, refreshGraceSeconds: Number(e.target.value) })} className="w-20 rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex items-center gap-2 text-sm">
          Simulated store latency (ms)
          <input type="number" min={0} max={2000} value={draft.storeLatencyMs} onChange={(e) => setDraft({ ...draft, storeLatencyMs: Number(e.target.value) })} className="w-24 rounded-md border border-slate-300 px-2 py-1" />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">Save settings</button>
        <span className="text-sm text-slate-600" data-testid="settings-version">
          version {state.version} · this instance ({state.instance.id}) has served it since {new Date(state.instance.receivedAt).toLocaleTimeString()}
        </span>
        {message && <span role="status" className="text-sm font-medium">{message}</span>}
      </div>
      {state.settings.storeLatencyMs > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span aria-hidden="true">⚠ </span>Simulated: every store call now waits {state.settings.storeLatencyMs} ms before it runs. The timings shown include this delay.
        </p>
      )}
    </form>
  );
}
