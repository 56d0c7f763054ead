import { Breadcrumb } from '@/app/_components/breadcrumb';
import Link from 'next/link';
import { LAB_CASES } from '@/lib/lab/catalogue';
import { CatalogueText } from './_components/catalogue-text';

export const metadata = { title: 'Attack lab: session-vs-jwt' };

export default function LabIndexPage() {
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8 max-sm:px-4">
      <header>
        <Breadcrumb here="lab" />
        <h1 className="text-3xl font-bold tracking-tight">Attack lab</h1>
        <p className="mt-1 max-w-3xl text-lg text-slate-700">
          Sixteen mistakes, each attacked for real. Every page sends the same attack twice: to a lab endpoint built with the mistake, and to
          the app&apos;s real endpoint. One lets the attacker in; the other does not, and the page says why.
        </p>
      </header>
      <section aria-labelledby="theft-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="theft-heading" className="text-xl font-semibold">
          <Link href="/lab/theft" className="underline-offset-2 hover:underline">
            Refresh-token theft, in two windows
          </Link>
        </h2>
        <p className="text-slate-700">A victim and an attacker share one refresh token; rotation and reuse detection end it for both.</p>
      </section>
      <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Lab cases">
        {LAB_CASES.map((entry) => (
          <li key={entry.slug} className="rounded-lg border border-slate-300 bg-white p-4">
            <Link href={`/lab/${entry.slug}`} className="font-semibold underline-offset-2 hover:underline">
              {entry.number}. <CatalogueText text={entry.title} />
            </Link>
            <p className="mt-1 text-sm text-slate-700">
              <CatalogueText text={entry.mistake} />
            </p>
          </li>
        ))}
      </ol>
    </main>
  );
}
