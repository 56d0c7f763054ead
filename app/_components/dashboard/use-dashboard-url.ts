'use client';

import { useEffect, useState } from 'react';
import { urlStateQuery, type DashboardUrlState } from '@/lib/dashboard/url-state';
import type { RuntimeSettings } from '@/lib/settings/settings';

/**
 * Presenter mode and the poll interval, starting from the URL the page was served for (parsed on
 * the server, so the first render already has the right layout), and written back to the URL with
 * the current lifetime and denylist as they change: the address bar is always a bookmark.
 */
export function useDashboardUrl(initial: DashboardUrlState, settings: RuntimeSettings | null) {
  const [present, setPresent] = useState(initial.present);
  const [interval, setIntervalMs] = useState(initial.interval);

  useEffect(() => {
    const query = urlStateQuery(new URLSearchParams(window.location.search), { present, interval, settings });
    window.history.replaceState(null, '', query || window.location.pathname);
  }, [present, interval, settings]);

  return { present, setPresent, interval, setIntervalMs };
}
