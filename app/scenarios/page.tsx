import { Breadcrumb } from '@/app/_components/breadcrumb';
import Link from 'next/link';
import { SCENARIOS } from '@/lib/scenarios/catalogue';

export const metadata = { title: 'Scenarios: session-vs-jwt' };

export default function ScenariosIndexPage() {
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8 max-sm:px-4">
      <header>
        <Breadcrumb here="scenarios" />
        <h1 className="text-3xl font-bold tracking-tight">Scenarios</h1>
        <p className="mt-1 max-w-3xl text-lg text-slate-700">
          The two systems the article describes, run on this app&apos;s real endpoints, and a short guide to choosing between the
          strategies.
        </p>
      </header>
      <ol className="grid gap-3 lg:grid-cols-3" aria-label="Scenarios">
        {SCENARIOS.map((scenario) => (
          <li key={scenario.slug} className="rounded-lg border border-slate-300 bg-white p-4">
            <Link href={`/scenarios/${scenario.slug}`} className="text-lg font-semibold underline-offset-2 hover:underline">
              {scenario.title}
            </Link>
            <p className="mt-1 text-slate-700">{scenario.summary}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}
