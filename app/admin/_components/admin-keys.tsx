'use client';

import { useCallback, useEffect, useState } from 'react';

interface KeySummary {
  kid: string;
  alg: string;
  status: 'current' | 'previous' | 'retired';
  createdAt: number;
  statusChangedAt: number;
}

const STATUS_LABEL: Record<KeySummary['status'], string> = {
  current: '● current: signs new tokens',
  previous: '◐ previous: still verifies',
  retired: '○ retired: its tokens fail',
};

/** Signing keys: rotate (new current key) and retire (a previous key's tokens stop verifying). */
export function AdminKeys() {
  const [keys, setKeys] = useState<KeySummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await fetch('/api/admin/keys', { cache: 'no-store' });
    if (response.ok) setKeys(((await response.json()) as { keys: KeySummary[] }).keys);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function change(path: string, body?: unknown) {
    const response = await fetch(path, {
      method: 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const result = (await response.json().catch(() => null)) as { keys?: KeySummary[]; message?: string } | null;
    if (response.ok && result?.keys) {
      setKeys(result.keys);
      setMessage('✓ Done');
    } else {
      setMessage(`✕ ${result?.message ?? `Failed (${response.status})`}`);
    }
  }

  return (
    <section aria-label="Signing keys" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">JWT signing keys</h2>
        <button type="button" onClick={() => void change('/api/admin/keys/rotate')} className="rounded-md bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900">
          Rotate signing key
        </button>
      </div>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="signing-keys">
        {keys.map((key) => (
          <li key={key.kid} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-mono">{key.kid}</span> <span className="text-slate-500">{key.alg}</span>{' '}
              <span className={key.status === 'retired' ? 'text-slate-500' : key.status === 'current' ? 'font-semibold text-emerald-800' : 'text-amber-800'}>{STATUS_LABEL[key.status]}</span>
            </span>
            {key.status === 'previous' && (
              <button type="button" onClick={() => void change('/api/admin/keys/retire', { kid: key.kid })} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
                Retire
              </button>
            )}
          </li>
        ))}
      </ul>
      {message && <p role="status" className="text-sm font-medium">{message}</p>}
    </section>
  );
}
