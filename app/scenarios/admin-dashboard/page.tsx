import Link from 'next/link';
import { ScenarioFrame } from '../_components/scenario-frame';
import { StoreNotice } from '../_components/store-notice';
import { SignedInUsers } from './signed-in-users';

export const metadata = { title: 'Internal admin dashboard. Scenarios: session-vs-jwt' };

export default function AdminDashboardScenarioPage() {
  return (
    <ScenarioFrame slug="admin-dashboard">
      <StoreNotice />
      <ol className="grid gap-3 text-sm text-slate-800 lg:grid-cols-3" aria-label="How to run it">
        <li className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <strong>1. Sign people in</strong> on{' '}
          <Link href="/session" className="text-violet-700 underline">
            /session
          </Link>{' '}
          from other browsers or private windows (alice, bob, or any DEMO_USERS account). Each login is one record in the store.
        </li>
        <li className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <strong>2. Watch them here:</strong> the list is read from the store every second, one row per live session.
        </li>
        <li className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <strong>3. Log everyone out now:</strong> their sessions are deleted from the store. Nothing has to reach the browsers: the next
          request of each finds no session and gets 401.
        </li>
      </ol>
      <SignedInUsers />
    </ScenarioFrame>
  );
}
