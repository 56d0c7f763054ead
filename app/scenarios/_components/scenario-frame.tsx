import { Breadcrumb } from '@/app/_components/breadcrumb';
import type { ReactNode } from 'react';
import { findScenario, type Scenario } from '@/lib/scenarios/catalogue';

/** The frame of every scenario page: breadcrumb back to the index, the title and its one-line summary. */
export function ScenarioFrame({ slug, children }: { slug: Scenario['slug']; children: ReactNode }) {
  const scenario = findScenario(slug);
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8 max-sm:px-4">
      <header>
        <Breadcrumb trail={[{ href: '/scenarios', label: 'scenarios' }]} here={scenario.slug} />
        <h1 className="text-3xl font-bold tracking-tight">{scenario.title}</h1>
        <p className="mt-1 max-w-4xl text-lg text-slate-700">{scenario.summary}</p>
      </header>
      {children}
    </main>
  );
}
