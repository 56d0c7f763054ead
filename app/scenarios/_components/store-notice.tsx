'use client';

import { useEffect, useState } from 'react';
import { api, type HealthBody } from '@/lib/client/api';

const DRIVER_NAMES: Record<HealthBody['store']['driver'], string> = {
  memory: 'memory',
  redis: 'Redis',
  upstash: 'Upstash (Redis over REST)',
};

/**
 * Which store this server keeps its state in, and what that means for the scenario: the article's
 * admin dashboard runs on Redis; the memory store gives the same behaviour, for one instance only.
 */
export function StoreNotice() {
  const [health, setHealth] = useState<HealthBody | null>(null);
  useEffect(() => {
    void api.health().then((result) => result.ok && setHealth(result.data));
  }, []);

  if (health === null)
    return (
      <p data-testid="store-notice" data-driver="unknown" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-slate-700">
        Asking the server which store it runs on…
      </p>
    );
  const { driver } = health.store;
  const shared = driver !== 'memory';
  return (
    <p
      data-testid="store-notice"
      data-driver={driver}
      className={`rounded-lg border px-4 py-2.5 ${shared ? 'border-emerald-300 bg-emerald-50 text-emerald-950' : 'border-amber-300 bg-amber-50 text-amber-950'}`}
    >
      <strong>
        This server ({health.instance}) keeps its sessions in {DRIVER_NAMES[driver]}.
      </strong>{' '}
      {shared
        ? 'Every instance that shares this store reads the same sessions, so one revocation reaches all of them.'
        : 'This is not the Redis the scenario describes: the memory store behaves the same, but only inside this one process. A second instance would neither see these sessions nor the revocation. Start the server with REDIS_URL to run it as described.'}
    </p>
  );
}
