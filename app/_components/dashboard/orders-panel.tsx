import type { OrdersLane } from './use-orders-lane';

/** Where the orders lane would be, when no resource service runs here: a sentence, not an empty lane. */
export function OrdersNotRunning() {
  return (
    <p className="border-t border-dashed border-slate-300 pt-1 text-sm text-slate-700" data-testid="lane-orders" data-running="false">
      <strong className="text-slate-900">Orders service (JWKS only): not running here.</strong> It joins the race with{' '}
      <code className="rounded bg-slate-100 px-1">npm run start:cluster</code> (or{' '}
      <code className="rounded bg-slate-100 px-1">npm run orders</code> behind a balancer that routes /orders).
    </p>
  );
}

/** The orders service's last answer, and why it will never take a session cookie. */
export function OrdersPanel({ lane }: { lane: OrdersLane | null }) {
  const last = lane?.state.last ?? null;
  return (
    <div className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="orders-panel">
      {lane !== null && (
        <p data-testid="orders-last">
          <strong>Orders service, last request:</strong>{' '}
          {last ? (
            <>
              GET {lane.path}: <strong>{last.status}</strong>
              {last.code ? ` ${last.code}` : ''}, answered by <span className="font-mono">{last.instance ?? '–'}</span>
            </>
          ) : (
            'none yet'
          )}
          {lane.state.error && <span className="text-red-800"> {lane.state.error}</span>}
        </p>
      )}
      <h3 className={`font-semibold ${lane === null ? '' : 'mt-2'}`}>Why the orders service refuses the session cookie</h3>
      <p className="text-slate-800">
        A session cookie carries no facts about the user, only a sealed pointer to a record in the app&apos;s store. Unsealing it takes the
        app&apos;s session password, and following it takes the store: the orders service is given neither, so it answers{' '}
        <code>session_cookie_not_accepted</code>. The access token is different: its claims travel inside it, and its signature can be
        checked by anyone holding the public keys the app publishes at <code>/.well-known/jwks.json</code>.
      </p>
    </div>
  );
}
