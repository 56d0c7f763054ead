'use client';

import { useCallback, useEffect, useState } from 'react';
import type { CredentialPresence } from '@/app/_lib/credential-presence';
import type { DashboardUrlState } from '@/lib/dashboard/url-state';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { AdminPanel } from './admin-panel';
import { InstancesPanel } from './instances-panel';
import { OrdersPanel } from './orders-panel';
import { RaceSection } from './race-section';
import { SettingsProposalBanner } from './settings-proposal';
import { ShortcutHelp } from './shortcut-help';
import { StoreBadge } from './store-badge';
import { StrategyColumn } from './strategy-column';
import { useAdminControls } from './use-admin-controls';
import { useDashboardUrl } from './use-dashboard-url';
import { useHealth } from './use-health';
import { useInstanceRoster } from './use-instance-roster';
import { useLane } from './use-lane';
import { useLibraryCosts } from './use-library-costs';
import { useOrdersLane } from './use-orders-lane';
import { useRace } from './use-race';
import { useShortcuts } from './use-shortcuts';
import { ViewSwitch } from './view-switch';

export interface DashboardProps {
  /** The setup in the URL the page was served for. */
  initialUrl: DashboardUrlState;
  /** Which strategy cookies the page was served with: only those logins are looked up. */
  credentials: CredentialPresence;
  /** Whether this server serves the attack lab (LAB_ENABLED): its link shows only then. */
  labEnabled: boolean;
  /** Where the resource service answers on this origin (ORDERS_SERVICE_PATH); null: not running here. */
  ordersServicePath: string | null;
}

const LINKS = [
  { href: '/session', label: 'Session page' },
  { href: '/jwt', label: 'JWT page' },
  { href: '/admin', label: 'Admin console' },
  { href: '/scenarios', label: 'Scenarios' },
  { href: '/.well-known/jwks.json', label: 'JWKS' },
];
const LAB_LINK = { href: '/lab', label: 'Attack lab' };

/** The side-by-side dashboard: both strategies, the revocation race, and the presenter's controls. */
export function Dashboard({ initialUrl, credentials, labEnabled, ordersServicePath }: DashboardProps) {
  const session = useLane('session', credentials.session);
  const jwt = useLane('jwt', credentials.accessToken);
  const orders = useOrdersLane(ordersServicePath, jwt.state.user !== null);
  const library = useLibraryCosts();
  const admin = useAdminControls(initialUrl);
  const { present, setPresent, interval, setIntervalMs } = useDashboardUrl(initialUrl, admin.settings);
  const race = useRace(session, jwt, orders, interval);
  const health = useHealth();
  const roster = useInstanceRoster(admin.signedIn);
  const [help, setHelp] = useState(false);

  // Pick up the logins this browser already has.
  const { restore: restoreSession } = session;
  const { restore: restoreJwt } = jwt;
  useEffect(() => {
    void restoreSession();
    void restoreJwt();
  }, [restoreSession, restoreJwt]);

  const target = session.state.user?.username ?? jwt.state.user?.username ?? DEFAULT_DEMO_USER.username;
  const { revoke: revokeUser } = admin;
  const { markRevoked } = race;
  const revoke = useCallback(async () => {
    const at = await revokeUser(target);
    if (at !== null) markRevoked(at);
  }, [revokeUser, markRevoked, target]);

  const togglePresent = useCallback(() => setPresent((on) => !on), [setPresent]);
  useShortcuts({
    logInBoth: () => void race.logInBoth(),
    revoke: admin.signedIn ? () => void revoke() : undefined,
    toggleDenylist: admin.signedIn ? admin.toggleDenylist : undefined,
    togglePause: race.togglePause,
    togglePresenter: togglePresent,
    toggleHelp: () => setHelp((shown) => !shown),
    closeHelp: () => setHelp(false),
  });

  const raceSection = (
    <RaceSection
      session={session}
      jwt={jwt}
      orders={ordersServicePath === null ? null : orders}
      now={race.now}
      revokedAt={race.revokedAt}
      denylist={admin.settings?.denylist ?? false}
      present={present}
      interval={interval}
      onInterval={setIntervalMs}
      paused={race.paused}
      onTogglePause={race.togglePause}
      onLogInBoth={() => void race.logInBoth()}
    >
      <AdminPanel
        status={admin.status}
        settings={admin.state}
        target={target}
        busy={admin.busy}
        message={admin.message}
        onSignIn={() => void admin.signIn()}
        onRevoke={() => void revoke()}
        onSettings={(patch) => void admin.putSettings(patch)}
        onRotateKey={() => void admin.rotateKey()}
      />
    </RaceSection>
  );
  // Beside the race rather than in it: in presenter mode the race alone fits a 1280x720 screen.
  const clusterPanels = (
    <section aria-label="Instances and the orders service" className="grid gap-4 lg:grid-cols-2" data-testid="cluster-panels">
      <InstancesPanel
        sessionMarks={session.state.marks}
        jwtMarks={jwt.state.marks}
        ordersMarks={ordersServicePath === null ? null : orders.state.marks}
        revokedAt={race.revokedAt}
        roster={roster}
        adminSignedIn={admin.signedIn}
        driver={health?.store.driver ?? null}
      />
      <OrdersPanel lane={ordersServicePath === null ? null : orders} />
    </section>
  );
  const columns = (
    <div className="grid gap-4 md:grid-cols-2">
      <StrategyColumn lane={session} compact={present} library={library} />
      <StrategyColumn lane={jwt} compact={present} library={library} />
    </div>
  );

  return (
    <main
      className={`mx-auto flex flex-col gap-4 px-4 py-4 ${present ? 'max-w-none text-lg' : 'max-w-7xl text-base'}`}
      data-presenter={present ? 'on' : 'off'}
    >
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 flex-1 basis-80">
            <h1 className={`font-bold tracking-tight ${present ? 'text-4xl' : 'text-3xl'}`}>session-vs-jwt</h1>
            {!present && (
              <p className="text-slate-700">
                Two real login strategies on one server: what each costs per request, and how long each keeps working after a revoke.
              </p>
            )}
          </div>
          <div className="flex items-center gap-2">
            <ViewSwitch current="race" present={present} interval={interval} />
            <button
              type="button"
              onClick={togglePresent}
              aria-pressed={present}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
            >
              Presenter mode <kbd className="rounded bg-slate-200 px-1">p</kbd>
            </button>
            <button
              type="button"
              onClick={() => setHelp(true)}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
              aria-label="Keyboard shortcuts"
            >
              ?
            </button>
          </div>
        </div>
        <StoreBadge health={health} simulatedLatencyMs={admin.settings?.storeLatencyMs ?? 0} />
        {admin.proposal && (
          <SettingsProposalBanner proposal={admin.proposal} onApply={() => void admin.applyProposal()} onDismiss={admin.dismissProposal} />
        )}
      </header>
      {present ? (
        <>
          {raceSection}
          {clusterPanels}
          {columns}
        </>
      ) : (
        <>
          {columns}
          {raceSection}
          {clusterPanels}
        </>
      )}
      {!present && (
        <nav aria-label="Pages" className="flex flex-wrap gap-4 text-sm text-slate-700">
          {(labEnabled ? [...LINKS, LAB_LINK] : LINKS).map((link) => (
            <a key={link.href} className="underline" href={link.href}>
              {link.label}
            </a>
          ))}
        </nav>
      )}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </main>
  );
}
