import { describe, expect, it } from 'vitest';
import { createNonRotatingRefreshStore, LAB_REFRESH_LIFETIME_SECONDS, MAX_LAB_REFRESH_TOKENS } from './non-rotating-refresh';

const bob = { id: 'usr_bob', username: 'bob', role: 'user' as const };
const now = 1_800_000_000_000;

describe('the non-rotating lab refresh token', () => {
  it('accepts the same token from two holders again and again: a thief is never noticed', () => {
    const store = createNonRotatingRefreshStore();
    const { token } = store.issue(bob, now);
    expect(store.use(token, now + 1_000)).toEqual({ ok: true, user: bob, uses: 1 });
    expect(store.use(token, now + 1_100)).toEqual({ ok: true, user: bob, uses: 2 });
    expect(store.use(token, now + 60_000)).toEqual({ ok: true, user: bob, uses: 3 });
  });

  it('has a shape the real refresh endpoint refuses, and refuses tokens it did not issue', () => {
    const store = createNonRotatingRefreshStore();
    const { token } = store.issue(bob, now);
    expect(token).toMatch(/^labrt\./);
    expect(store.use('labrt.' + 'A'.repeat(43), now)).toEqual({ ok: false, code: 'refresh_invalid' });
    expect(store.use('not a token', now)).toEqual({ ok: false, code: 'refresh_invalid' });
  });

  it('expires after its lifetime', () => {
    const store = createNonRotatingRefreshStore();
    const { token } = store.issue(bob, now);
    expect(store.use(token, now + LAB_REFRESH_LIFETIME_SECONDS * 1000)).toEqual({ ok: false, code: 'refresh_expired' });
    expect(store.use(token, now + LAB_REFRESH_LIFETIME_SECONDS * 1000 + 1)).toEqual({ ok: false, code: 'refresh_invalid' });
  });

  it('keeps at most MAX_LAB_REFRESH_TOKENS tokens, dropping the oldest', () => {
    const store = createNonRotatingRefreshStore();
    const first = store.issue(bob, now).token;
    for (let i = 0; i < MAX_LAB_REFRESH_TOKENS; i += 1) store.issue(bob, now);
    expect(store.use(first, now)).toEqual({ ok: false, code: 'refresh_invalid' });
  });
});
