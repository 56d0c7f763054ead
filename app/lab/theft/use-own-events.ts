'use client';

import { useEffect, useState } from 'react';

/** The events a theft demo window shows: what happened to refresh tokens, not every "who am I". */
const SHOWN_TYPES = new Set(['login', 'refresh', 'refresh_reused', 'rejection']);
const EVENTS_KEPT = 8;
const STREAM_OVERLAP_MS = 1_500;

export interface OwnEvent {
  id: string;
  type: string;
  at: number;
  code: string | null;
  generation: number | null;
}

function toOwnEvent(id: string, type: string, data: string): OwnEvent | null {
  try {
    const parsed = JSON.parse(data) as { at?: unknown; code?: unknown; strategy?: unknown; detail?: { generation?: unknown } };
    if (parsed.strategy !== 'jwt' || !SHOWN_TYPES.has(type)) return null;
    return {
      id,
      type,
      at: typeof parsed.at === 'number' ? parsed.at : Date.now(),
      code: typeof parsed.code === 'string' ? parsed.code : null,
      generation: typeof parsed.detail?.generation === 'number' ? parsed.detail.generation : null,
    };
  } catch {
    return null;
  }
}

/**
 * The signed-in user's own events, live, from the app's real stream (GET /api/events), opened with
 * the window's access token as Bearer. That stream ends when the token expires, so it is reopened
 * with each new one (at most two at once per window, within the app's cap of streams per user);
 * once the window is signed out there is no token and no stream.
 */
export function useOwnEvents(accessToken: string | null): OwnEvent[] {
  const [events, setEvents] = useState<OwnEvent[]>([]);
  useEffect(() => {
    if (accessToken === null) return;
    const controller = new AbortController();
    void (async () => {
      const response = await fetch('/api/events', { headers: { Authorization: `Bearer ${accessToken}` }, signal: controller.signal });
      if (!response.ok || response.body === null) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2) ?? null;
          const [id, type, data] = [field('id'), field('event'), field('data')];
          if (id === null || type === null || data === null) continue;
          const event = toOwnEvent(id, type, data);
          if (event !== null)
            setEvents((previous) => (previous.some((seen) => seen.id === id) ? previous : [event, ...previous].slice(0, EVENTS_KEPT)));
        }
      }
    })().catch(() => undefined);
    // The old stream is kept a moment after the next one opens (events are de-duplicated by id), so
    // an event published while the new stream connects is not lost. It would end by itself at its
    // token's expiry anyway, about a second after the refresh that replaced it.
    return () => {
      window.setTimeout(() => controller.abort(), STREAM_OVERLAP_MS);
    };
  }, [accessToken]);
  return events;
}
