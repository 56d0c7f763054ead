import Link from 'next/link';
import { readCredentialPresence } from '../_lib/credential-presence';
import { JwtConsole } from './_components/jwt-console';

export const metadata = { title: 'JWT + refresh: session-vs-jwt' };

export default async function JwtPage() {
  const credentials = await readCredentialPresence();
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8 max-sm:px-4">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-600">
            <Link href="/" className="underline-offset-2 hover:underline">
              session-vs-jwt
            </Link>{' '}
            / strategy
          </p>
          <h1 className="text-3xl font-bold tracking-tight text-[var(--color-jwt)]">JWT + refresh</h1>
          <p className="mt-1 max-w-3xl text-lg text-slate-700">
            A short-lived access token verified locally with a public key, and a rotating refresh token kept server-side. Both live in
            HttpOnly cookies: this page&apos;s scripts cannot read them.
          </p>
        </div>
      </header>
      <JwtConsole hasAccessToken={credentials.accessToken} />
    </main>
  );
}
