import { Breadcrumb } from '@/app/_components/breadcrumb';
import type { ReactNode } from 'react';
import { findLabCase } from '@/lib/lab/catalogue';
import { CatalogueText } from './catalogue-text';

/**
 * The frame of every lab case page: the mistake, the attack and the defence from the catalogue,
 * then the case's own controls and answers (children).
 */
export function CaseLayout({ slug, children }: { slug: string; children: ReactNode }) {
  const entry = findLabCase(slug);
  if (entry === null) throw new Error(`No lab case "${slug}" in lib/lab/catalogue.ts`);
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-5 px-6 py-6 max-sm:px-4">
      <header>
        <Breadcrumb trail={[{ href: '/lab', label: 'lab' }]} here={`case ${entry.number}`} />
        <h1 className="text-2xl font-bold tracking-tight">
          {entry.number}. <CatalogueText text={entry.title} />
        </h1>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-800 sm:grid-cols-[8rem_1fr]">
          <dt className="font-semibold">The mistake</dt>
          <dd>
            <CatalogueText text={entry.mistake} />
          </dd>
          <dt className="font-semibold">The attack</dt>
          <dd>
            <CatalogueText text={entry.attack} />
          </dd>
          <dt className="font-semibold">The real flow</dt>
          <dd>
            <CatalogueText text={entry.defence} />
          </dd>
        </dl>
      </header>
      {children}
    </main>
  );
}
