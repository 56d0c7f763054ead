'use client';

import { useState, type FormEvent } from 'react';
import type { ApiResult, Credentials } from '@/lib/client/api';
import { DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { TextField } from '@/app/_components/text-field';

export interface AdminLoginProps {
  /** Still asking whether this browser already has an admin session: the form waits. */
  checking: boolean;
  signIn(credentials: Credentials): Promise<ApiResult<unknown>>;
}

/** The administrator login. It is on the page from the first paint, so nothing moves when the check ends. */
export function AdminLogin({ checking, signIn }: AdminLoginProps) {
  const [username, setUsername] = useState<string>(DEMO_ADMIN.username);
  const [password, setPassword] = useState<string>(DEMO_ADMIN.password);
  const [error, setError] = useState<string | null>(null);

  async function login(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result = await signIn({ username, password });
    if (!result.ok) setError(result.error.message);
  }

  return (
    <form
      onSubmit={(event) => void login(event)}
      aria-label="Admin login"
      className="flex max-w-md flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm max-sm:p-4"
    >
      <h2 className="text-xl font-semibold">Administrator login</h2>
      <TextField label="Username" value={username} onChange={setUsername} autoComplete="username" />
      <TextField label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" />
      <button
        type="submit"
        disabled={checking}
        className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {checking ? 'Checking admin session…' : 'Log in as administrator'}
      </button>
      <p className="text-sm text-slate-600">
        Demo: {DEMO_ADMIN.username} / {DEMO_ADMIN.password}. The cookie it sets is sent to /api/admin only.
      </p>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          ✕ {error}
        </p>
      )}
    </form>
  );
}
