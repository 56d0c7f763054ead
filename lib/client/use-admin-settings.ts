'use client';

import { useCallback, useEffect, useState } from 'react';
import type { RuntimeSettings } from '@/lib/settings/settings';
import { api, type SettingsBody } from './api';

/**
 * The runtime settings as the admin API serves them (with their version and when this instance
 * picked them up): the one way the dashboard and the admin console load and save them. Loaded
 * while `enabled` (an admin is signed in), and re-read every `pollMs` when given, since another
 * presenter, the admin page or another instance may change them.
 */
export function useAdminSettings({ enabled, pollMs }: { enabled: boolean; pollMs?: number }) {
  const [state, setState] = useState<SettingsBody | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const load = async () => {
      const result = await api.admin.settings();
      if (result.ok) setState(result.data);
    };
    void load();
    if (pollMs === undefined) return;
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [enabled, pollMs]);

  const save = useCallback(async (patch: Partial<RuntimeSettings>) => {
    const result = await api.admin.saveSettings(patch);
    if (result.ok) setState(result.data);
    return result;
  }, []);

  // Signed out, nothing is known: what was loaded before is not shown as current.
  const current = enabled ? state : null;
  return { state: current, settings: current?.settings ?? null, save };
}
