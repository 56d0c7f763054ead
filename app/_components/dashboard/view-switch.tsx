import { dashboardViewHref, type DashboardView } from '@/lib/dashboard/url-state';

const VIEWS: readonly { view: DashboardView; label: string }[] = [
  { view: 'race', label: 'Race' },
  { view: 'costs', label: 'Costs' },
];

/**
 * The dashboard's two views, as plain links: the view lives in the URL (`?view=costs`), so it can
 * be bookmarked, and each view is served with what it needs (the Costs view reads the latest bench
 * report on the server). Plain anchors rather than next/link, which would add its router code to the
 * home page's first load for two links.
 */
export function ViewSwitch({ current, present, interval }: { current: DashboardView; present: boolean; interval: number }) {
  return (
    <nav aria-label="Dashboard views" className="flex overflow-hidden rounded-md border border-slate-300 text-sm font-medium">
      {VIEWS.map(({ view, label }) => {
        const on = view === current;
        return (
          <a
            key={view}
            href={dashboardViewHref(view, { present, interval })}
            aria-current={on ? 'page' : undefined}
            className={`px-3 py-1 ${on ? 'bg-slate-900 text-white' : 'bg-white hover:bg-slate-50'}`}
          >
            {label}
          </a>
        );
      })}
    </nav>
  );
}
