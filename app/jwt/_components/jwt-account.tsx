import type { FormEvent } from 'react';
import { COOKIES, type CookiePurpose } from '@/lib/http/cookies';
import type { User } from '@/lib/users/users';
import { DEFAULT_DEMO_USER, DEMO_CREDENTIALS } from '@/lib/users/demo-credentials';

const DEMO_ACCOUNTS = DEMO_CREDENTIALS.filter((demo) => demo.role === 'user')
  .map((demo) => `${demo.username} / ${demo.password}`)
  .join(', ');

/** As the cookie table declares it: the one place these attributes are written. */
function describeCookieSpec(purpose: CookiePurpose): string {
  const { secureName, path, sameSite } = COOKIES[purpose];
  return `${secureName} · Path=${path} · SameSite=${sameSite}`;
}

export interface JwtAccountProps {
  user: User | null;
  busy: boolean;
  loginError: string | null;
  onLogin(event: FormEvent<HTMLFormElement>): void;
  onCheck(): void;
  onLogout(): void;
}

/** The login form, or who is signed in with what cookies. */
export function JwtAccount({ user, busy, loginError, onLogin, onCheck, onLogout }: JwtAccountProps) {
  return (
    <section
      className="rounded-xl border border-t-4 border-slate-200 border-t-[var(--color-jwt)] bg-white p-6 shadow-sm max-sm:p-4"
      aria-label="Account"
    >
      {user ? (
        <div className="flex flex-col gap-4">
          <p className="text-lg">
            Signed in as <strong data-testid="jwt-username">{user.username}</strong>{' '}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-sm text-slate-700">{user.role}</span>
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={onCheck}
              disabled={busy}
              className="rounded-lg bg-[var(--color-jwt)] px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-50"
            >
              Call /api/jwt/me
            </button>
            <button
              type="button"
              onClick={onLogout}
              disabled={busy}
              className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 disabled:opacity-50"
            >
              Log out
            </button>
          </div>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium text-slate-600">Access token cookie</dt>
              <dd className="font-mono break-words">{describeCookieSpec('accessToken')}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">Refresh token cookie</dt>
              <dd className="font-mono break-words">{describeCookieSpec('refreshToken')}</dd>
            </div>
          </dl>
          <p className="text-sm text-slate-600">
            Both HttpOnly; Secure on https and localhost (plain http on a LAN address drops Secure and the name prefixes). Log out revokes
            the refresh token; the access token keeps working until it expires.
          </p>
        </div>
      ) : (
        <form onSubmit={onLogin} className="flex flex-col gap-4" aria-label="Log in with JWT">
          <h2 className="text-xl font-semibold">Log in</h2>
          <label className="flex flex-col gap-1">
            <span className="text-sm font-medium text-slate-700">Username</span>
            <input
              name="username"
              autoComplete="username"
              required
              defaultValue={DEFAULT_DEMO_USER.username}
              className="rounded-lg border border-slate-300 px-3 py-2"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-sm font-medium text-slate-700">Password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className="rounded-lg border border-slate-300 px-3 py-2"
            />
          </label>
          {loginError && (
            <p role="alert" className="text-sm text-red-700">
              {loginError}
            </p>
          )}
          <button
            type="submit"
            disabled={busy}
            className="rounded-lg bg-[var(--color-jwt)] px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-50"
          >
            {busy ? 'Checking…' : 'Log in'}
          </button>
          <p className="text-sm text-slate-600">Demo accounts: {DEMO_ACCOUNTS}.</p>
        </form>
      )}
    </section>
  );
}
