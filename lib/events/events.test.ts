import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue';
import { isVisibleTo, parseEvent, type AuthEvent } from './events';

const event = (overrides: Partial<AuthEvent>): AuthEvent => ({
  type: 'lookup',
  at: 1,
  strategy: 'session',
  userId: 'usr_alice',
  username: 'alice',
  durationMs: 0.5,
  code: null,
  instance: 'a',
  detail: {},
  ...overrides,
});

describe('isVisibleTo', () => {
  it('shows the admin everything', () => {
    expect(isVisibleTo(event({ userId: 'usr_bob' }), { kind: 'admin' })).toBe(true);
  });

  it("shows a user their own events and global changes, not other users' events", () => {
    const alice = { kind: 'user' as const, userId: 'usr_alice' };
    expect(isVisibleTo(event({}), alice)).toBe(true);
    expect(isVisibleTo(event({ userId: 'usr_bob', username: 'bob' }), alice)).toBe(false);
    expect(isVisibleTo(event({ type: 'settings_changed', userId: null, username: null }), alice)).toBe(true);
    expect(isVisibleTo(event({ type: 'revoke', userId: 'usr_alice' }), alice)).toBe(true);
  });
});

describe('parseEvent', () => {
  it('round-trips an event and drops malformed ones', () => {
    expect(parseEvent(JSON.stringify(event({ code: 'session_invalid' })))).toEqual(event({ code: 'session_invalid' }));
    expect(parseEvent('not json')).toBeNull();
    expect(parseEvent('{"type":"bogus","at":1,"instance":"a"}')).toBeNull();
    expect(parseEvent('{"type":"login","at":"yesterday","instance":"a"}')).toBeNull();
  });
});

describe('BoundedQueue', () => {
  it('keeps the newest items when full and counts the dropped ones', () => {
    const queue = new BoundedQueue<number>(3);
    for (let i = 1; i <= 5; i += 1) queue.push(i);
    expect(queue.drain()).toEqual({ items: [3, 4, 5], dropped: 2 });
    expect(queue.drain()).toEqual({ items: [], dropped: 0 });
    queue.push(6);
    expect(queue.size).toBe(1);
    expect(queue.totalDropped).toBe(2);
  });

  it('refuses a nonsensical capacity', () => {
    expect(() => new BoundedQueue(0)).toThrow(/positive integer/);
  });
});
