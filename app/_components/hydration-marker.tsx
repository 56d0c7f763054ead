'use client';

import { useEffect } from 'react';

/**
 * Marks the document as interactive: `<html data-hydrated="1">` once React has hydrated the page.
 * Rendered after the page in the root layout, so its effect runs after every effect of the page
 * (keyboard shortcuts, listeners): tests wait for it before they press keys or click.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '1';
  }, []);
  return null;
}
