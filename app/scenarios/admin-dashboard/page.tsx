import Link from 'next/link';
import { ScenarioFrame } from '../_components/scenario-frame';
import { StoreNotice } from '../_components/store-notice';
import { SignedInUsers } from './signed-in-users';

export const metadata = { title: 'Internal admin dashboard. Scenarios: session-vs-jwt' };

export default function AdminDashboardScenarioPage() {
  return (
    <ScenarioFrame slug="admin-dashboard">
      <StoreNotice />
      <section className="grid gap-3 text-slate-800 lg:grid-cols-3" aria-label="How to run it">
        <p className="rounded-lg border border-slate-200 bg-white p-4">
          <strong>1. Sign people in.</strong> In other browsers or private windows, log in on{' '}
          <Link href="/session" className="text-violet-700 underline">
            /session
          </Link>{' '}
          as alice or bob (and any DEMO_USERS account). Each login is a session record in the store, keyed by a random id the cookie carries
          sealed.
        </p>
        <p className="rounded-lg border border-slate-200 bg-white p-4">
          <strong>2. Watch them here.</strong> The list below is read from the store every second: one row per live session, with the last
          request each user made that the server accepted.
        </p>
        <p className="rounded-lg border border-slate-200 bg-white p-4">
          <strong>3. Log everyone out now.</strong> The button deletes their sessions in the store. Nothing needs to reach the browsers:
          each one&apos;s next request looks its session up, finds nothing, and gets 401.
        </p>
      </section>
      <SignedInUsers />
    </ScenarioFrame>
  );
}
