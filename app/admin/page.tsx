import Link from 'next/link';
import { AdminConsole } from './_components/admin-console';

export const metadata = { title: 'Admin console · session-vs-jwt' };

export default function AdminPage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-8 max-sm:px-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-violet-700 underline underline-offset-2 hover:text-violet-900">
          ← session-vs-jwt
        </Link>
      </nav>
      <header className="border-l-4 border-slate-900 pl-4">
        <h1 className="text-3xl font-bold tracking-tight">Admin console</h1>
        <p className="mt-1 max-w-2xl text-lg text-slate-700">
          Revoke a user on both strategies at once, change the demo settings for every instance, rotate signing keys, and watch what the
          servers do.
        </p>
      </header>
      <AdminConsole />
    </main>
  );
}
