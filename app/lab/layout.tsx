import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getServerApp } from '@/lib/server/app';

/**
 * Every /lab page sits under this layout: with LAB_ENABLED=0 each of them is the app's 404, and
 * otherwise each carries the banner that says its weak endpoints are weak on purpose.
 */
export default function LabLayout({ children }: { children: ReactNode }) {
  if (!getServerApp().config.labEnabled) notFound();
  return (
    <div className="min-h-screen">
      <aside
        aria-label="Attack lab warning"
        className="border-b-4 border-amber-500 bg-amber-100 px-6 py-2 text-sm text-amber-950 max-sm:px-4"
        data-testid="lab-banner"
      >
        <strong>Attack lab.</strong> The endpoints marked <em>weak</em> are vulnerable on purpose. They use their own keys, issuer and{' '}
        <code>lab_</code> cookies, and the app&apos;s real endpoints refuse everything they issue.
      </aside>
      {children}
    </div>
  );
}
