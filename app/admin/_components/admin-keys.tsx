'use client';

import { useEffect, useState } from 'react';
import { api, type ApiResult, type KeysBody } from '@/lib/client/api';
import type { SigningKeySummary } from '@/lib/jwt/signing-keys';

const STATUS_LABEL: Record<SigningKeySummary['status'], string> = {
  current: '● current: signs new tokens',
  previous: '◐ previous: still verifies',
  retired: '○ retired: its tokens fail',
};

/** Signing keys: rotate (new current key) and retire (a previous key's tokens stop verifying). */
export function AdminKeys() {
  const [keys, setKeys] = useState<SigningKeySummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const load = async () => {
      const result = await api.admin.keys();
      if (result.ok) setKeys(result.data.keys);
    };
    void load();
  }, []);

  async function change(action: () => Promise<ApiResult<KeysBody>>) {
    const result = await action();
    if (result.ok) {
      setKeys(result.data.keys);
      setMessage('✓ Done');
    } else {
      setMessage(`✕ ${result.error.message}`);
    }
  }

  return (
    <section aria-label="Signing keys" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm max-sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">JWT signing keys</h2>
        <button
          type="button"
          onClick={() => void change(api.admin.rotateKey)}
          className="rounded-md bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900"
        >
          Rotate signing key
        </button>
      </div>
      <ul className="min-h-10 divide-y divide-slate-100 text-sm" data-testid="signing-keys" aria-busy={keys === null}>
        {(keys ?? []).map((key) => (
          <li key={key.kid} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0 break-words">
              <span className="font-mono break-all">{key.kid}</span> <span className="text-slate-600">{key.alg}</span>{' '}
              <span
                className={
                  key.status === 'retired'
                    ? 'text-slate-600'
                    : key.status === 'current'
                      ? 'font-semibold text-emerald-800'
                      : 'text-amber-800'
                }
              >
                {STATUS_LABEL[key.status]}
              </span>
            </span>
            {key.status === 'previous' && (
              <button
                type="button"
                onClick={() => void change(() => api.admin.retireKey(key.kid))}
                className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
              >
                Retire
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="text-sm font-medium">
        {message}
      </p>
    </section>
  );
}
