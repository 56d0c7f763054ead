import { describe, expect, it } from 'vitest';
import { FlaglessAccounts, MAX_FLAGLESS_ACCOUNTS, parseTransferForm } from './flagless-accounts';

const cookies = { noSameSiteAttribute: false, sameSiteNone: true };

describe('the flagless lab accounts (weak on purpose)', () => {
  it('move money for whoever’s cookie arrived, wherever the request came from', () => {
    const accounts = new FlaglessAccounts();
    const id = accounts.open('alice', 0);
    const done = accounts.transfer(id, { at: 1, to: 'mallory', amount: 40, origin: 'http://localhost:3000', cookiesReceived: cookies });
    expect(done).toEqual({ username: 'alice', balance: 60 });
    expect(accounts.view(id, 2)?.transfers[0]).toMatchObject({ to: 'mallory', origin: 'http://localhost:3000' });
  });

  it('refuse an unknown or expired cookie', () => {
    const accounts = new FlaglessAccounts();
    expect(accounts.transfer('nope', { at: 0, to: 'm', amount: 1, origin: null, cookiesReceived: cookies })).toBeNull();
    const id = accounts.open('alice', 0);
    expect(accounts.view(id, 31 * 60 * 1000)).toBeNull();
  });

  it('stay bounded in memory, dropping the oldest account', () => {
    const accounts = new FlaglessAccounts();
    const first = accounts.open('alice', 0);
    for (let i = 0; i < MAX_FLAGLESS_ACCOUNTS; i++) accounts.open('alice', 0);
    expect(accounts.view(first, 0)).toBeNull();
  });

  it('read the form an HTML page posts, and refuse anything else', () => {
    expect(parseTransferForm('to=mallory&amount=100')).toEqual({ to: 'mallory', amount: 100 });
    expect(parseTransferForm('to=mallory&amount=-5')).toBeNull();
    expect(parseTransferForm('to=a%20b&amount=5')).toBeNull();
    expect(parseTransferForm('{"to":"mallory"}')).toBeNull();
  });
});
