import Link from 'next/link';
import { StoreBadge } from '@/app/_components/store-badge';
import { getInstanceId } from '@/lib/server/instance';
import { getStore } from '@/lib/server/store';
import { checkStoreHealth } from '@/lib/store/health';

// The badge reports the live store, so this page is rendered per request, never at build time.
export const dynamic = 'force-dynamic';

const STRATEGIES = [
  {
    id: 'session',
    title: 'Session cookie',
    accent: 'border-t-[var(--color-session)]',
    credential: 'A sealed cookie holding nothing but a random session id.',
    check: 'Every request looks that id up in the store: one network round trip.',
    revoke: 'Delete the record and the very next request is refused.',
    href: '/session',
  },
  {
    id: 'jwt',
    title: 'JWT + refresh',
    accent: 'border-t-[var(--color-jwt)]',
    credential: 'A signed access token that carries the user and its own expiry.',
    check: 'Verified with a public key on the spot: no store, no round trip.',
    revoke: 'Only the refresh token can be revoked; the access token works until it expires.',
    href: '/jwt',
  },
] as const;

export default async function HomePage() {
  const health = await checkStoreHealth(getStore());
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">session-vs-jwt</h1>
          <p className="mt-1 max-w-2xl text-lg text-slate-700">
            Two real login strategies on one server. Watch what each one costs per request, and how long each keeps working after you revoke it.
          </p>
        </div>
        <StoreBadge health={health} instanceId={getInstanceId()} />
      </header>

      <section className="grid gap-6 md:grid-cols-2" aria-label="The two strategies">
        {STRATEGIES.map((strategy) => (
          <article
            key={strategy.id}
            data-testid={`strategy-${strategy.id}`}
            className={`rounded-xl border border-t-4 border-slate-200 bg-white p-6 shadow-sm ${strategy.accent}`}
          >
            <h2 className="text-2xl font-semibold">{strategy.title}</h2>
            <dl className="mt-4 space-y-3 text-base">
              <div>
                <dt className="font-medium text-slate-500">The browser holds</dt>
                <dd>{strategy.credential}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-500">The server checks it by</dt>
                <dd>{strategy.check}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-500">Revoking it</dt>
                <dd>{strategy.revoke}</dd>
              </div>
            </dl>
            <Link href={strategy.href} className="mt-5 inline-block rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">
              Try {strategy.title.toLowerCase()} →
            </Link>
          </article>
        ))}
      </section>
    </main>
  );
}
