'use client';

import { useEffect, useEffectEvent } from 'react';
import { shortcutFor, type ShortcutAction } from '@/lib/dashboard/shortcuts';

/** Calls the handler of each shortcut pressed anywhere on the page (not while typing in a field). */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const action = shortcutFor({ key: event.key, metaKey: event.metaKey, ctrlKey: event.ctrlKey, altKey: event.altKey, target });
    const handler = action === null ? undefined : handlers[action];
    // Space would scroll the page; it pauses instead, even when pausing is all it does.
    if (action === 'togglePause') event.preventDefault();
    handler?.();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
