'use client';

import { useSyncExternalStore } from 'react';

const neverChanges = () => () => {};

/** The origin this page was opened at (null while rendering on the server). */
export function usePageOrigin(): string | null {
  return useSyncExternalStore(
    neverChanges,
    () => window.location.origin,
    () => null,
  );
}
