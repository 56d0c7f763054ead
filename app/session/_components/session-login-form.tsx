'use client';

import { useState, type FormEvent } from 'react';
import { DEFAULT_DEMO_USER, DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';
import type { CheckResult } from './session-demo';
import { TextField } from '@/app/_components/text-field';

const DEMO_USERS = DEMO_CREDENTIALS.filter((demo) => demo.role === 'user');

export interface SessionLoginFormProps {
  /** The page arrived with a session cookie that is being checked: the form waits. */
  checking: boolean;
  busy: boolean;
  error: string | null;
  lastCheck: CheckResult | null;
  onLogin(event: FormEvent, credentials: { username: string; password: string }): void;
}

export function SessionLoginForm({ checking, busy, error, lastCheck, onLogin }: SessionLoginFormProps) {
  const [username, setUsername] = useState<string>(DEFAULT_DEMO_USER.username);
  const [password, setPassword] = useState<string>(DEFAULT_DEMO_USER.password);
  return (
    <section className="grid gap-6 md:grid-cols-2">
      <form
        onSubmit={(event) => onLogin(event, { username, password })}
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        aria-label="Session login"
      >
        <h2 className="text-xl font-semibold">Log in</h2>
        <TextField label="Username" name="username" value={username} onChange={setUsername} autoComplete="username" />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
        <button
          type="submit"
          disabled={busy || checking}
          className="rounded-md bg-violet-700 px-4 py-2 font-semibold text-white hover:bg-violet-800 disabled:opacity-50"
        >
          {checking ? 'Checking your session…' : 'Log in with a session cookie'}
        </button>
        {error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            ✕ {error}
          </p>
        )}
      </form>
      <aside aria-label="Demo users" className="rounded-xl border border-slate-200 bg-white p-6 text-sm shadow-sm">
        <h2 className="text-base font-semibold">Demo users</h2>
        <ul className="mt-2 space-y-1">
          {DEMO_USERS.map((demo) => (
            <li key={demo.username}>
              <button
                type="button"
                className="font-mono text-violet-700 underline underline-offset-2"
                onClick={() => {
                  setUsername(demo.username);
                  setPassword(demo.password);
                }}
              >
                {demo.username} / {demo.password}
              </button>
            </li>
          ))}
        </ul>
        {lastCheck && lastCheck.status !== 200 && (
          <p className="mt-4 text-slate-600">
            Last check: {lastCheck.status} ({lastCheck.error ?? 'no body'})
          </p>
        )}
      </aside>
    </section>
  );
}
