import { randomBytes } from 'node:crypto';

/** One state change the weak lab made on the strength of a cookie alone. */
export interface LabTransfer {
  at: number;
  to: string;
  amount: number;
  /** The Origin header the request came with (the weak endpoint records it, and ignores it). */
  origin: string | null;
  /** Which of the two lab cookies the browser attached. */
  cookiesReceived: { noSameSiteAttribute: boolean; sameSiteNone: boolean };
}

interface Account {
  username: string;
  balance: number;
  transfers: LabTransfer[];
  expiresAt: number;
}

export const FLAGLESS_SESSION_TTL_MS = 30 * 60 * 1000;
export const MAX_FLAGLESS_ACCOUNTS = 200;
const MAX_TRANSFERS = 20;

/**
 * The weak lab's accounts for case 10, in memory, keyed by the flagless cookie's value. `transfer`
 * is WRONG ON PURPOSE: it acts on whoever's cookie arrived, never asking where the request came
 * from (no Origin or Sec-Fetch-Site check, no CSRF token), so a form on any site can drive it.
 */
export class FlaglessAccounts {
  private readonly accounts = new Map<string, Account>();

  open(username: string, now: number): string {
    for (const [id, account] of this.accounts) {
      if (account.expiresAt <= now || this.accounts.size >= MAX_FLAGLESS_ACCOUNTS) this.accounts.delete(id);
    }
    const id = randomBytes(16).toString('base64url');
    this.accounts.set(id, { username, balance: 100, transfers: [], expiresAt: now + FLAGLESS_SESSION_TTL_MS });
    return id;
  }

  transfer(id: string, transfer: LabTransfer): { username: string; balance: number } | null {
    const account = this.live(id, transfer.at);
    if (account === undefined) return null;
    account.balance -= transfer.amount;
    account.transfers = [...account.transfers, transfer].slice(-MAX_TRANSFERS);
    return { username: account.username, balance: account.balance };
  }

  view(id: string, now: number): { username: string; balance: number; transfers: readonly LabTransfer[] } | null {
    const account = this.live(id, now);
    return account === undefined ? null : { username: account.username, balance: account.balance, transfers: account.transfers };
  }

  private live(id: string, now: number): Account | undefined {
    const account = this.accounts.get(id);
    return account !== undefined && account.expiresAt > now ? account : undefined;
  }
}

/** `to` and `amount` from a urlencoded form body (what an HTML form sends), or null. */
export function parseTransferForm(body: string): { to: string; amount: number } | null {
  if (body.length > 1_000) return null;
  const form = new URLSearchParams(body);
  const to = form.get('to');
  const amount = Number(form.get('amount'));
  if (to === null || !/^[a-z0-9_-]{1,32}$/i.test(to) || !Number.isInteger(amount) || amount < 1 || amount > 1_000) return null;
  return { to, amount };
}
