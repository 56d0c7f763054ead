import Link from 'next/link';
import { readCredentialPresence } from '../_lib/credential-presence';
import { SessionDemo } from './_components/session-demo';

export const metadata = { title: 'Session cookie login · session-vs-jwt' };

export default async function SessionPage() {
  const credentials = await readCredentialPresence();
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-6 py-8 max-sm:px-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-violet-700 underline underline-offset-2 hover:text-violet-900">
          ← session-vs-jwt
        </Link>
      </nav>
      <header className="border-l-4 border-[var(--color-session)] pl-4">
        <h1 className="text-3xl font-bold tracking-tight">Session cookie</h1>
        <p className="mt-1 max-w-2xl text-lg text-slate-700">
          The cookie is a sealed pointer to a record in the store. Every request looks the record up; deleting it ends the session on the
          next request.
        </p>
      </header>
      <SessionDemo signedIn={credentials.session} />
    </main>
  );
}
