'use client';

import { useEffect, useState } from 'react';
import { api } from '@/lib/client/api';
import { latestSettings, mergeInstanceReports } from '@/lib/dashboard/instances';
import type { InstanceReport } from '@/lib/settings/instance-roster';

/** Often enough that a settings change shows within a couple of seconds; the delay itself is measured by the servers. */
const ROSTER_POLL_MS = 2000;

export interface InstanceRoster {
  reports: InstanceReport[];
  /** The newest settings version any answer named, and when it was written. */
  settings: { version: number; updatedAt: number } | null;
}

const EMPTY: InstanceRoster = { reports: [], settings: null };

/**
 * Every live instance and when it adopted the latest settings, from GET /api/admin/instances
 * while an admin is signed in. Answers from different instances are united (with a memory
 * store each instance knows only itself).
 */
export function useInstanceRoster(enabled: boolean): InstanceRoster {
  const [roster, setRoster] = useState<InstanceRoster>(EMPTY);
  useEffect(() => {
    if (!enabled) return;
    const load = async () => {
      const result = await api.admin.instances();
      if (!result.ok) return;
      const answer = result.data;
      setRoster((current) => ({
        reports: mergeInstanceReports(current.reports, answer.instances),
        settings: latestSettings(current.settings, answer.settings),
      }));
    };
    void load();
    const timer = setInterval(() => void load(), ROSTER_POLL_MS);
    return () => clearInterval(timer);
  }, [enabled]);
  return enabled ? roster : EMPTY;
}
