import Link from 'next/link';
import { Fragment } from 'react';

/** Where a page sits: the app's name, the sections above it as links, and this page's own name. */
export function Breadcrumb({ trail = [], here }: { trail?: ReadonlyArray<{ href: string; label: string }>; here: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm font-medium text-slate-600">
      {[{ href: '/', label: 'session-vs-jwt' }, ...trail].map((step) => (
        <Fragment key={step.href}>
          <Link href={step.href} className="underline-offset-2 hover:underline">
            {step.label}
          </Link>{' '}
          /{' '}
        </Fragment>
      ))}
      {here}
    </nav>
  );
}
