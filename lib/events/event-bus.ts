/**
 * The event bus of one process. Two kinds of events, two paths:
 *
 * - State changes (login, logout, refresh, reuse, revoke, settings, keys) go to an in-memory
 *   outbox that is flushed to the shared log (a Redis stream, or the memory store's log) in
 *   batches. Every instance polls that log and hands new events to its own subscribers and
 *   listeners, so the admin sees them from every instance, and settings and key changes reach
 *   every instance.
 * - Per-request events (a lookup, a verify, a rejection) are delivered to this instance's
 *   subscribers at once and never reach the store. Writing them to the shared log would put a
 *   store write on every request, including the JWT path this app presents as store-free: the
 *   measurement would change what it measures. The price: an admin watching one instance sees the
 *   per-request events of that instance only.
 *
 * The store, the clock and the timers are parameters: tests flush and poll by hand.
 */
import { storeCommandMeter } from '@/lib/store/command-meter';
import type { Store } from '@/lib/store/store';
import { BoundedQueue } from './bounded-queue';
import { isVisibleTo, parseEvent, type AuthEvent, type DeliveredEvent, type EventType, type EventViewer } from './events';

const EVENT_LOG_KEY = 'events:log';
const EVENT_LOG_MAX_LENGTH = 5000;
const FLUSH_DELAY_MS = 25;
/** How often the shared log is read while someone watches the events. */
const EVENT_POLL_INTERVAL_MS = 200;
/**
 * With nobody watching, the log is read only for settings and key invalidation, once a second: on
 * Upstash every read is a billed request, and an idle instance should not make five a second.
 */
const IDLE_EVENT_POLL_INTERVAL_MS = 1000;
const OUTBOX_CAPACITY = 5000;

/** Events that happen once per authenticated request: delivered on this instance only (see above). */
const PER_REQUEST_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>(['lookup', 'verify', 'rejection']);
export const SUBSCRIBER_QUEUE_CAPACITY = 500;
/** A subscriber with nothing to read wakes up this often, so its stream can send a heartbeat. */
const HEARTBEAT_MS = 15_000;

/** What a caller says about an event; the bus adds the time and the instance, the rest defaults to null. */
export type PublishedEvent = Pick<AuthEvent, 'type'> & Partial<Omit<AuthEvent, 'type' | 'instance'>>;

export interface EventSubscription {
  /** Waits for events, at most `maxWaitMs` (default: the heartbeat), and takes them all. */
  next(maxWaitMs?: number): Promise<{ events: DeliveredEvent[]; dropped: number }>;
  close(): void;
}

export interface EventBus {
  /**
   * Records an event. Returns at once. A state change reaches the store in the next batch; a
   * per-request event goes to this instance's subscribers only.
   */
  publish(event: PublishedEvent): void;
  /** Runs `listener` for every event of `type` from any instance (settings and key invalidation). */
  on(type: EventType, listener: (event: DeliveredEvent) => void): void;
  /** A subscription for one SSE client: a bounded queue that drops its oldest events when the client is slow. */
  subscribe(viewer: EventViewer, owner?: string): EventSubscription;
  /** Open subscriptions on this instance, all or those of one owner (the per-user stream cap). */
  subscriberCount(owner?: string): number;
  /** Writes the outbox to the shared log now. */
  flush(): Promise<void>;
  /** Reads new entries from the shared log now and delivers them. */
  poll(): Promise<void>;
  stop(): void;
}

export interface EventBusOptions {
  store: Store;
  now: () => number;
  instanceId: string;
  /** False in tests: no timers at all; call `flush` and `poll` yourself. */
  timers: boolean;
}

interface Subscriber {
  viewer: EventViewer;
  owner: string | null;
  queue: BoundedQueue<DeliveredEvent>;
  wake: (() => void) | null;
}

export function createEventBus({ store, now, instanceId, timers }: EventBusOptions): EventBus {
  const outbox = new BoundedQueue<string>(OUTBOX_CAPACITY);
  const subscribers = new Set<Subscriber>();
  const listeners = new Map<EventType, Set<(event: DeliveredEvent) => void>>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let lastId: string | null = null;
  let polling = false;
  let lastPollAt = Number.NEGATIVE_INFINITY;
  let localSequence = 0;

  async function flush(): Promise<void> {
    if (flushTimer !== null) clearTimeout(flushTimer);
    flushTimer = null;
    const { items } = outbox.drain();
    if (items.length === 0) return;
    try {
      await store.appendToLog(EVENT_LOG_KEY, items, EVENT_LOG_MAX_LENGTH);
    } catch {
      // The store is down: these events are lost; the auth routes report the outage themselves.
    }
  }

  function deliver(event: DeliveredEvent): void {
    for (const subscriber of subscribers) {
      if (!isVisibleTo(event, subscriber.viewer)) continue;
      subscriber.queue.push(event);
      subscriber.wake?.();
    }
    for (const listener of listeners.get(event.type) ?? []) listener(event);
  }

  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    lastPollAt = now();
    try {
      const read = await store.readLog(EVENT_LOG_KEY, lastId, 500);
      lastId = read.lastId;
      for (const entry of read.entries) {
        const parsed = parseEvent(entry.value);
        if (parsed !== null) deliver({ ...parsed, id: entry.id });
      }
    } catch {
      // Store down: try again on the next tick.
    } finally {
      polling = false;
    }
  }

  let pollTimer: ReturnType<typeof setInterval> | null = null;
  if (timers) {
    pollTimer = storeCommandMeter.detached(() =>
      setInterval(() => {
        if (subscribers.size === 0 && now() - lastPollAt < IDLE_EVENT_POLL_INTERVAL_MS) return;
        void poll();
      }, EVENT_POLL_INTERVAL_MS),
    );
    pollTimer.unref?.();
    void poll();
  }

  return {
    publish(event) {
      const full: AuthEvent = {
        at: now(),
        strategy: null,
        userId: null,
        username: null,
        durationMs: null,
        code: null,
        detail: {},
        ...event,
        instance: instanceId,
      };
      if (PER_REQUEST_EVENT_TYPES.has(full.type)) {
        // Shaped like a log id ("<ms>-<seq>") so clients sort and key both kinds alike; the suffix
        // keeps it apart from the shared log's ids.
        deliver({ ...full, id: `${full.at}-local${(localSequence += 1)}` });
        return;
      }
      outbox.push(JSON.stringify(full));
      // The batch is background work: the request that published first must not be billed for it.
      if (timers) flushTimer ??= storeCommandMeter.detached(() => setTimeout(() => void flush(), FLUSH_DELAY_MS));
    },
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
      }
      set.add(listener);
    },
    subscriberCount(owner) {
      if (owner === undefined) return subscribers.size;
      let count = 0;
      for (const subscriber of subscribers) if (subscriber.owner === owner) count += 1;
      return count;
    },
    subscribe(viewer, owner) {
      const subscriber: Subscriber = {
        viewer,
        owner: owner ?? null,
        queue: new BoundedQueue<DeliveredEvent>(SUBSCRIBER_QUEUE_CAPACITY),
        wake: null,
      };
      subscribers.add(subscriber);
      return {
        async next(maxWaitMs = HEARTBEAT_MS) {
          if (subscriber.queue.size === 0 && subscribers.has(subscriber)) {
            await new Promise<void>((resolve) => {
              subscriber.wake = resolve;
              const timer = setTimeout(resolve, Math.min(maxWaitMs, HEARTBEAT_MS));
              timer.unref?.();
            });
            subscriber.wake = null;
          }
          const { items, dropped } = subscriber.queue.drain();
          return { events: items, dropped };
        },
        close() {
          subscribers.delete(subscriber);
          subscriber.wake?.();
        },
      };
    },
    flush,
    poll,
    stop() {
      if (pollTimer !== null) clearInterval(pollTimer);
      if (flushTimer !== null) clearTimeout(flushTimer);
    },
  };
}
