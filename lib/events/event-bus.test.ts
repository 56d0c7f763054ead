/** The event bus on the memory store, driven by hand: no timers, no sleeping. */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createEventBus, SUBSCRIBER_QUEUE_CAPACITY } from './event-bus';

/** A bus whose read position is set, as a started instance's is: it sees what is published from now on. */
async function setup() {
  const clock = { now: 1_700_000_000_000 };
  const store = createMemoryStore({ now: () => clock.now });
  const bus = createEventBus({ store, now: () => clock.now, instanceId: 'test-1', timers: false });
  const deliver = async () => {
    await bus.flush();
    await bus.poll();
  };
  await bus.poll();
  return { clock, store, bus, deliver };
}

describe('event bus', () => {
  it('delivers published events to subscribers through the shared log, filtered per viewer', async () => {
    const { bus, deliver } = await setup();
    const admin = bus.subscribe({ kind: 'admin' });
    const alice = bus.subscribe({ kind: 'user', userId: 'usr_alice' });
    bus.publish({ type: 'login', strategy: 'session', userId: 'usr_alice', username: 'alice' });
    bus.publish({ type: 'login', strategy: 'jwt', userId: 'usr_bob', username: 'bob' });
    await deliver();
    const adminSaw = await admin.next();
    const aliceSaw = await alice.next();
    expect(adminSaw.events.map((e) => e.username)).toEqual(['alice', 'bob']);
    expect(aliceSaw.events.map((e) => e.username)).toEqual(['alice']);
    expect(adminSaw.events[0]!.id).toMatch(/^\d+-\d+$/);
    expect(adminSaw.events[0]).toMatchObject({ at: 1_700_000_000_000, instance: 'test-1', code: null, durationMs: null, detail: {} });
    admin.close();
    alice.close();
  });

  it('keeps a subscriber that never reads bounded: oldest events dropped and counted, publishing unaffected', async () => {
    const { bus, deliver } = await setup();
    const slow = bus.subscribe({ kind: 'admin' });
    const total = SUBSCRIBER_QUEUE_CAPACITY + 300;
    for (let i = 0; i < total; i += 1) bus.publish({ type: 'refresh', strategy: 'jwt', userId: 'usr_alice', detail: { i } });
    await bus.flush();
    // The log is read in pages of 500: two polls bring everything in.
    await bus.poll();
    await bus.poll();
    await deliver();
    const { events, dropped } = await slow.next();
    expect(events).toHaveLength(SUBSCRIBER_QUEUE_CAPACITY);
    expect(dropped).toBe(300);
    // The newest survive.
    expect(events.at(-1)!.detail.i).toBe(total - 1);
    slow.close();
  });

  it('delivers per-request events (lookup, verify, rejection) on this instance at once, with no store call at all', async () => {
    const { store, clock } = await setup();
    const other = createEventBus({ store, now: () => clock.now, instanceId: 'test-2', timers: false });
    await other.poll();
    const calls: string[] = [];
    const counted = new Proxy(store, {
      get: (target, name: string) => {
        const value = target[name as keyof typeof target];
        return typeof value === 'function'
          ? (...args: unknown[]) => (calls.push(name), (value as (...a: unknown[]) => unknown)(...args))
          : value;
      },
    });
    const local = createEventBus({ store: counted, now: () => clock.now, instanceId: 'test-3', timers: false });
    const here = local.subscribe({ kind: 'admin' });
    const there = other.subscribe({ kind: 'admin' });
    local.publish({ type: 'verify', strategy: 'jwt', userId: 'usr_alice', durationMs: 0.4 });
    local.publish({ type: 'lookup', strategy: 'session', userId: 'usr_alice', durationMs: 0.2 });
    local.publish({ type: 'rejection', strategy: 'jwt', code: 'token_expired' });
    await local.flush();
    await other.poll();
    const { events } = await here.next(0);
    expect(events.map((e) => e.type)).toEqual(['verify', 'lookup', 'rejection']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(events[0]).toMatchObject({ instance: 'test-3', durationMs: 0.4, at: clock.now });
    expect(calls).toEqual([]);
    expect((await there.next(0)).events).toEqual([]);
    // A state change still takes the shared path, and reaches the other instance.
    local.publish({ type: 'logout', strategy: 'session', userId: 'usr_alice' });
    await local.flush();
    await other.poll();
    expect(calls).toEqual(['appendToLog']);
    expect((await there.next(0)).events.map((e) => e.type)).toEqual(['logout']);
  });

  it('reaches the listeners of another instance sharing the store, once per event', async () => {
    const { store, clock, bus } = await setup();
    const other = createEventBus({ store, now: () => clock.now, instanceId: 'test-2', timers: false });
    await other.poll();
    const seen: string[] = [];
    other.on('settings_changed', (event) => seen.push(`${event.instance}:${String(event.detail.version)}`));
    bus.publish({ type: 'settings_changed', strategy: 'admin', detail: { version: 4 } });
    bus.publish({ type: 'login', strategy: 'session' });
    await bus.flush();
    await other.poll();
    await other.poll();
    await bus.poll();
    expect(seen).toEqual(['test-1:4']);
  });

  it('drops a batch it cannot write without failing the publisher, and carries on when the store is back', async () => {
    const { store, bus } = await setup();
    const appendToLog = store.appendToLog;
    store.appendToLog = () => Promise.reject(new Error('down'));
    bus.publish({ type: 'login' });
    await expect(bus.flush()).resolves.toBeUndefined();
    store.appendToLog = appendToLog;
    const watcher = bus.subscribe({ kind: 'admin' });
    bus.publish({ type: 'logout' });
    await bus.flush();
    await bus.poll();
    expect((await watcher.next()).events.map((e) => e.type)).toEqual(['logout']);
  });
});
