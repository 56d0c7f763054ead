'use client';

import { useEffect, useState } from 'react';
import { ADMIN_EVENTS_PATH } from '@/lib/client/api';
import { EVENT_TYPES, type DeliveredEvent } from '@/lib/events/events';

const MAX_SHOWN = 50;

/** The live event stream of every instance (newest first). */
export function AdminEvents() {
  const [events, setEvents] = useState<DeliveredEvent[]>([]);
  const [dropped, setDropped] = useState(0);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const source = new EventSource(ADMIN_EVENTS_PATH);
    const onEvent = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as DeliveredEvent;
      setEvents((current) => [event, ...current].slice(0, MAX_SHOWN));
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
    source.addEventListener('dropped', (message: MessageEvent<string>) =>
      setDropped((n) => n + (JSON.parse(message.data) as { dropped: number }).dropped),
    );
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, []);

  return (
    <section aria-label="Server events" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm max-sm:p-4">
      <h2 className="text-xl font-semibold">What the servers did</h2>
      <p className="text-sm text-slate-600">
        {connected ? '● live' : '○ connecting…'} · newest first ·{' '}
        {dropped > 0 ? `${dropped} dropped because this tab fell behind` : 'none dropped'}
      </p>
      <ol className="mt-3 max-h-80 overflow-auto font-mono text-sm" data-testid="admin-events">
        {events.map((event) => (
          <li key={event.id} className="flex flex-wrap gap-x-3 border-b border-slate-100 py-1">
            <span className="text-slate-600">{new Date(event.at).toLocaleTimeString()}</span>
            <span className="w-16">{event.strategy ?? '·'}</span>
            <span className={event.type === 'rejection' || event.type === 'refresh_reused' ? 'font-semibold text-red-700' : ''}>
              {event.type}
            </span>
            <span>{event.username ?? ''}</span>
            {event.code && <span className="text-red-700">{event.code}</span>}
            {event.durationMs !== null && <span className="text-slate-600">{event.durationMs.toFixed(2)} ms</span>}
            <span className="ml-auto text-slate-600">{event.instance}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
