/** The process event bus on the memory store: delivery, filtering, and a subscriber that never reads. */
import { describe, expect, it } from 'vitest';
import { publishEvent, SUBSCRIBER_QUEUE_CAPACITY, subscribeToEvents } from './events';

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('event bus', () => {
  it('delivers published events to subscribers through the shared log, filtered per viewer', async () => {
    const admin = subscribeToEvents({ kind: 'admin' });
    const alice = subscribeToEvents({ kind: 'user', userId: 'usr_alice' });
    publishEvent({ type: 'login', strategy: 'session', userId: 'usr_alice', username: 'alice' });
    publishEvent({ type: 'login', strategy: 'jwt', userId: 'usr_bob', username: 'bob' });
    await settle();
    const adminSaw = await admin.next();
    const aliceSaw = await alice.next();
    expect(adminSaw.events.map((e) => e.username)).toEqual(['alice', 'bob']);
    expect(aliceSaw.events.map((e) => e.username)).toEqual(['alice']);
    expect(adminSaw.events[0]!.id).toMatch(/^\d+-\d+$/);
    admin.close();
    alice.close();
  });

  it('keeps a subscriber that never reads bounded: oldest events dropped and counted, publishing unaffected', async () => {
    const slow = subscribeToEvents({ kind: 'admin' });
    const total = SUBSCRIBER_QUEUE_CAPACITY + 300;
    for (let i = 0; i < total; i += 1) publishEvent({ type: 'verify', strategy: 'jwt', userId: 'usr_alice', detail: { i } });
    await settle();
    await settle();
    const { events, dropped } = await slow.next();
    expect(events).toHaveLength(SUBSCRIBER_QUEUE_CAPACITY);
    expect(dropped).toBe(300);
    // The newest survive.
    expect(events.at(-1)!.detail.i).toBe(total - 1);
    slow.close();
  });
});
