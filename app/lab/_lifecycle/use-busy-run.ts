'use client';

import { useState } from 'react';

/**
 * One attack step at a time: `run` marks the page busy (its buttons disable) until the step has
 * finished, whether it succeeded or threw.
 */
export function useBusyRun(): { busy: boolean; run(action: () => Promise<void>): Promise<void> } {
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
