import type { HealthBody } from '@/lib/client/api';

const DRIVER_LABEL = { memory: 'in-memory', redis: 'Redis (TCP)', upstash: 'Upstash (REST)' } as const;

/**
 * Which store answers, how fast, and which instance: from /api/health. It holds its place (one
 * line, two on a phone) before the first answer, so the page does not move when it arrives.
 */
export function StoreBadge({ health, simulatedLatencyMs }: { health: HealthBody | null; simulatedLatencyMs: number }) {
  const box =
    'flex max-w-full flex-wrap items-center gap-x-2 gap-y-2 self-start rounded-lg border px-3 py-1.5 text-sm ' +
    // Two lines on a phone, one from 640 px: the height it will have once it is filled in.
    'min-h-[3.875rem] sm:min-h-[2.125rem]';
  if (!health) {
    return (
      <div className={`${box} border-slate-200 bg-white text-slate-700`} aria-busy="true">
        <strong>Store: checking…</strong>
      </div>
    );
  }
  const { store } = health;
  return (
    <div
      data-testid="store-badge"
      className={`${box} ${store.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}
    >
      <strong>
        <span aria-hidden="true">{store.ok ? '● ' : '✕ '}</span>Store: {DRIVER_LABEL[store.driver]}
      </strong>
      <span>{store.ok ? `round trip ${store.roundTripMs?.toFixed(2)} ms` : 'not answering'}</span>
      {simulatedLatencyMs > 0 && (
        <span className="rounded bg-amber-200 px-1.5 font-medium text-amber-950">includes {simulatedLatencyMs} ms simulated latency</span>
      )}
      {store.singleInstanceOnly && <span className="rounded bg-amber-100 px-1.5 font-medium text-amber-900">single instance only</span>}
      <span className="text-slate-700">instance {health.instance}</span>
    </div>
  );
}
