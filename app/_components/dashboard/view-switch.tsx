import Link from 'next/link';
import { dashboardViewHref, type DashboardView } from '@/lib/dashboard/url-state';

const VIEWS: readonly { view: DashboardView; label: string }[] = [
  { view: 'race', label: 'Race' },
  { view: 'costs', label: 'Costs' },
];

/** The dashboard's two views, as links: the view lives in the URL (`?view=costs`), so it can be bookmarked. */
export function ViewSwitch({ current, present, interval }: { current: DashboardView; present: boolean; interval: number }) {
  return (
    <nav aria-label="Dashboard views" className="flex overflow-hidden rounded-md border border-slate-300 text-sm font-medium">
      {VIEWS.map(({ view, label }) => {
        const on = view === current;
        return (
          <Link
            key={view}
            href={dashboardViewHref(view, { present, interval })}
            aria-current={on ? 'page' : undefined}
            className={`px-3 py-1 ${on ? 'bg-slate-900 text-white' : 'bg-white hover:bg-slate-50'}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
