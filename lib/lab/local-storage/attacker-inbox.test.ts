import { describe, expect, it } from 'vitest';
import { AttackerInbox, findStolenTokens, MAX_INBOX_ENTRIES, parseLoot } from './attacker-inbox';

const token = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhbGljZSJ9.c2ln';

describe('the attacker inbox', () => {
  it('finds a JWT kept in localStorage, and none when storage and cookies hold no token', () => {
    expect(findStolenTokens({ page: '/lab', localStorage: { lab_token: token, theme: 'dark' }, cookies: 'a=b' })).toEqual([token]);
    expect(findStolenTokens({ page: '/lab', localStorage: {}, cookies: 'lab_flagless=abc' })).toEqual([]);
  });

  it('refuses malformed or oversized loot', () => {
    expect(parseLoot({ page: '/', localStorage: { a: 1 }, cookies: '' })).toBeNull();
    expect(parseLoot({ page: '/', localStorage: { a: 'x'.repeat(9_000) }, cookies: '' })).toBeNull();
    expect(parseLoot('text')).toBeNull();
    expect(parseLoot({ page: '/', localStorage: { a: 'b' }, cookies: '' })).toEqual({ page: '/', localStorage: { a: 'b' }, cookies: '' });
  });

  it('keeps only the newest entries', () => {
    const inbox = new AttackerInbox();
    for (let i = 0; i < MAX_INBOX_ENTRIES + 3; i++) inbox.receive({ page: `/p${i}`, localStorage: {}, cookies: '' }, i);
    expect(inbox.list()).toHaveLength(MAX_INBOX_ENTRIES);
    expect(inbox.list()[0]?.page).toBe('/p3');
  });
});
