import { LazyCostsDashboard } from './_components/costs/lazy-costs-dashboard';
import { Dashboard } from './_components/dashboard/dashboard';
import { readCredentialPresence } from './_lib/credential-presence';
import { parseDashboardView, parseUrlState, type SearchParamsRecord } from '@/lib/dashboard/url-state';
import { getServerApp } from '@/lib/server/app';
import { loadBenchReportPathFromEnvironment } from '@/lib/server/config';
import { readBenchReport } from '@/lib/server/costs/read-bench-report';

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const [params, credentials] = await Promise.all([searchParams, readCredentialPresence()]);
  if (parseDashboardView(params) === 'costs') {
    // Read at request time: a fresh `npm run bench` shows without a rebuild.
    const bench = await readBenchReport(loadBenchReportPathFromEnvironment());
    return <LazyCostsDashboard initialUrl={parseUrlState(params)} credentials={credentials} bench={bench} />;
  }
  const { config } = getServerApp();
  return (
    <Dashboard
      initialUrl={parseUrlState(params)}
      credentials={credentials}
      labEnabled={config.labEnabled}
      ordersServicePath={config.ordersServicePath}
    />
  );
}
