import type { StoreHealth } from '@/lib/store/health';

const DRIVER_LABEL: Record<StoreHealth['driver'], string> = {
  memory: 'in-memory',
  redis: 'Redis (TCP)',
  upstash: 'Upstash (REST)',
};

/** Which store answered, how fast, and whether a second instance could share it. */
export function StoreBadge({ health, instanceId }: { health: StoreHealth; instanceId: string }) {
  return (
    <div
      data-testid="store-badge"
      className={`inline-flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-3 py-2 text-sm ${
        health.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'
      }`}
    >
      <span className="font-semibold">
        <span aria-hidden="true">{health.ok ? '● ' : '✕ '}</span>
        Store: <span data-testid="store-driver">{DRIVER_LABEL[health.driver]}</span>
      </span>
      <span>{health.ok ? `round trip ${health.roundTripMs?.toFixed(2)} ms` : 'not answering (requests fail closed with 503)'}</span>
      {health.singleInstanceOnly && (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">single instance only</span>
      )}
      <span className="text-slate-600">instance {instanceId}</span>
    </div>
  );
}
