import 'server-only';
import { BoundedQueue } from '@/lib/events/bounded-queue';
import { isVisibleTo, parseEvent, type AuthEvent, type DeliveredEvent, type EventType, type EventViewer } from '@/lib/events/events';
import { getInstanceId } from './instance';
import { getStore } from './store';

/**
 * The event bus of this process. Publishing never touches the store on the request's path: events
 * go to an in-memory outbox that is flushed to the shared log (a Redis stream, or the memory
 * store's log) in batches. Every instance polls that log and hands new events to its own
 * subscribers, so with Redis the admin sees the events of every instance.
 */
export const EVENT_LOG_KEY = 'events:log';
const EVENT_LOG_MAX_LENGTH = 5000;
const FLUSH_DELAY_MS = 25;
export const EVENT_POLL_INTERVAL_MS = 200;
/**
 * With nobody watching, the log is read only for settings and key invalidation, once a second: on
 * Upstash every read is a billed request, and an idle instance should not make five a second.
 */
export const IDLE_EVENT_POLL_INTERVAL_MS = 1000;
const OUTBOX_CAPACITY = 5000;
export const SUBSCRIBER_QUEUE_CAPACITY = 500;

export interface EventSubscription {
  next(): Promise<{ events: DeliveredEvent[]; dropped: number }>;
  close(): void;
}

interface Subscriber {
  viewer: EventViewer;
  queue: BoundedQueue<DeliveredEvent>;
  wake: (() => void) | null;
}

interface Bus {
  outbox: BoundedQueue<string>;
  flushTimer: ReturnType<typeof setTimeout> | null;
  subscribers: Set<Subscriber>;
  listeners: Map<EventType, Set<(event: DeliveredEvent) => void>>;
  lastId: string | null;
  pollTimer: ReturnType<typeof setInterval>;
  polling: boolean;
  lastPollAt: number;
  flushFailures: number;
}

const globalForEvents = globalThis as typeof globalThis & { __sessionVsJwtEvents?: Bus };

function bus(): Bus {
  if (globalForEvents.__sessionVsJwtEvents) return globalForEvents.__sessionVsJwtEvents;
  const created: Bus = {
    outbox: new BoundedQueue<string>(OUTBOX_CAPACITY),
    flushTimer: null,
    subscribers: new Set(),
    listeners: new Map(),
    lastId: null,
    pollTimer: setInterval(() => void poll(), EVENT_POLL_INTERVAL_MS),
    polling: false,
    lastPollAt: 0,
    flushFailures: 0,
  };
  created.pollTimer.unref?.();
  globalForEvents.__sessionVsJwtEvents = created;
  void poll();
  return created;
}

async function flush(): Promise<void> {
  const b = bus();
  b.flushTimer = null;
  const { items } = b.outbox.drain();
  if (items.length === 0) return;
  try {
    await getStore().appendToLog(EVENT_LOG_KEY, items, EVENT_LOG_MAX_LENGTH);
  } catch {
    // The store is down: these events are lost (counted), the auth routes report the outage.
    b.flushFailures += items.length;
  }
}

async function poll(): Promise<void> {
  const b = bus();
  if (b.polling) return;
  if (b.subscribers.size === 0 && Date.now() - b.lastPollAt < IDLE_EVENT_POLL_INTERVAL_MS) return;
  b.polling = true;
  b.lastPollAt = Date.now();
  try {
    const read = await getStore().readLog(EVENT_LOG_KEY, b.lastId, 500);
    b.lastId = read.lastId;
    for (const entry of read.entries) {
      const parsed = parseEvent(entry.value);
      if (parsed === null) continue;
      const event: DeliveredEvent = { ...parsed, id: entry.id };
      for (const subscriber of b.subscribers) {
        if (!isVisibleTo(event, subscriber.viewer)) continue;
        subscriber.queue.push(event);
        subscriber.wake?.();
      }
      for (const listener of b.listeners.get(event.type) ?? []) listener(event);
    }
  } catch {
    // Store down: try again on the next tick.
  } finally {
    b.polling = false;
  }
}

/** Records an event. Returns at once; the store sees it in the next batch. */
export function publishEvent(event: Omit<AuthEvent, 'at' | 'instance' | 'detail' | 'code' | 'durationMs' | 'username' | 'userId' | 'strategy'> & Partial<AuthEvent>): void {
  const b = bus();
  const full: AuthEvent = {
    at: Date.now(),
    instance: getInstanceId(),
    strategy: null,
    userId: null,
    username: null,
    durationMs: null,
    code: null,
    detail: {},
    ...event,
  };
  b.outbox.push(JSON.stringify(full));
  b.flushTimer ??= setTimeout(() => void flush(), FLUSH_DELAY_MS);
}

/** Runs `listener` for every event of `type` from any instance (settings and key invalidation). */
export function onSharedEvent(type: EventType, listener: (event: DeliveredEvent) => void): void {
  const b = bus();
  let set = b.listeners.get(type);
  if (!set) {
    set = new Set();
    b.listeners.set(type, set);
  }
  set.add(listener);
}

/** A subscription for one SSE client: a bounded queue that drops its oldest events when the client is slow. */
export function subscribeToEvents(viewer: EventViewer): EventSubscription {
  const b = bus();
  const subscriber: Subscriber = { viewer, queue: new BoundedQueue<DeliveredEvent>(SUBSCRIBER_QUEUE_CAPACITY), wake: null };
  b.subscribers.add(subscriber);
  return {
    async next() {
      if (subscriber.queue.size === 0) {
        await new Promise<void>((resolve) => {
          subscriber.wake = resolve;
          // Wake up now and then even without events, so the stream can send a heartbeat.
          setTimeout(resolve, 15_000).unref?.();
        });
        subscriber.wake = null;
      }
      const { items, dropped } = subscriber.queue.drain();
      return { events: items, dropped };
    },
    close() {
      b.subscribers.delete(subscriber);
      subscriber.wake?.();
    },
  };
}

export function eventBusStats(): { subscribers: number; flushFailures: number } {
  const b = bus();
  return { subscribers: b.subscribers.size, flushFailures: b.flushFailures };
}
