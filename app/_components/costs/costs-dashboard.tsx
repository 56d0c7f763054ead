'use client';

import type { CredentialPresence } from '@/app/_lib/credential-presence';
import { useAdminSession } from '@/lib/client/use-admin-session';
import { useAdminSettings } from '@/lib/client/use-admin-settings';
import type { BenchReportRead } from '@/lib/costs/parse-bench-report';
import type { DashboardUrlState } from '@/lib/dashboard/url-state';
import { DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { StoreBadge } from '../dashboard/store-badge';
import { useHealth } from '../dashboard/use-health';
import { ViewSwitch } from '../dashboard/view-switch';
import { CostsView } from './costs-view';

/** Settings may change elsewhere (the admin page, another presenter), as on the Race view. */
const SETTINGS_POLL_MS = 5000;

/** The dashboard's Costs view (`/?view=costs`): the same header as the Race view, then the costs. */
export function CostsDashboard({
  initialUrl,
  credentials,
  bench,
}: {
  initialUrl: DashboardUrlState;
  credentials: CredentialPresence;
  bench: BenchReportRead;
}) {
  const health = useHealth();
  const adminSession = useAdminSession();
  const signedIn = adminSession.status === 'signed-in';
  const { settings, save } = useAdminSettings({ enabled: signedIn, pollMs: SETTINGS_POLL_MS });
  const { signIn } = adminSession;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-4 text-base">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight">session-vs-jwt</h1>
          <ViewSwitch current="costs" present={initialUrl.present} interval={initialUrl.interval} />
        </div>
        <StoreBadge health={health} simulatedLatencyMs={settings?.storeLatencyMs ?? 0} />
      </header>
      <CostsView bench={bench} credentials={credentials} admin={{ signedIn, settings, save, signIn: () => void signIn(DEMO_ADMIN) }} />
    </main>
  );
}
