/**
 * Login throttling: failed password logins are counted in fixed windows, per account, per
 * account and client address, and per client address (the last two only when the address is
 * known). Once a count reaches its limit, every login it covers is refused until the window ends,
 * before any password work, with the right password too: otherwise the refusal itself would
 * confirm a guess.
 *
 * Only failures count: a classroom signing in to the shared demo account a hundred times is not
 * an attack. Counters use the store's fixed-window `increment`, so every instance shares them.
 */
import { createHash } from 'node:crypto';
import type { Store } from '@/lib/store/store';
import { normalizeUsername } from './users';

export interface LoginThrottlePolicy {
  windowSeconds: number;
  /** 0: no per-account limit. */
  maxFailuresPerAccount: number;
  maxFailuresPerAccountAndClient: number;
  maxFailuresPerClient: number;
}

/** A login attempt as the throttle sees it: the account named (existing or not) and the client, if known. */
export interface LoginAttempt {
  username: string;
  /** From `clientAddressOf`; null when the deployment cannot tell clients apart. */
  client: string | null;
}

export type ThrottleScope = 'account' | 'account_and_client' | 'client';

export type ThrottleDecision = { throttled: false } | { throttled: true; scope: ThrottleScope; retryAfterSeconds: number };

interface Counter {
  scope: ThrottleScope;
  key: string;
  limit: number;
}

// Keys carry a digest, never the typed username or the address: bounded length, no odd characters
// in key names, and a store dump does not list who was tried from where.
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

function windowOf(now: number, windowSeconds: number): { index: number; endsAt: number } {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(now / windowMs);
  return { index, endsAt: (index + 1) * windowMs };
}

function countersFor(attempt: LoginAttempt, policy: LoginThrottlePolicy, windowIndex: number): Counter[] {
  const account = normalizeUsername(attempt.username);
  const key = (scope: ThrottleScope, subject: string) => `login_failures:${scope}:${windowIndex}:${digest(subject)}`;
  const counters: Counter[] = [];
  if (policy.maxFailuresPerAccount > 0) {
    counters.push({ scope: 'account', key: key('account', account), limit: policy.maxFailuresPerAccount });
  }
  if (attempt.client !== null) {
    counters.push({
      scope: 'account_and_client',
      key: key('account_and_client', `${account}\n${attempt.client}`),
      limit: policy.maxFailuresPerAccountAndClient,
    });
    counters.push({ scope: 'client', key: key('client', attempt.client), limit: policy.maxFailuresPerClient });
  }
  return counters;
}

/**
 * Whether this attempt may go on to the password check. One store round trip (`getMany`),
 * none when no counter applies.
 */
export async function checkLoginThrottle(
  store: Store,
  attempt: LoginAttempt,
  options: { now: number; policy: LoginThrottlePolicy },
): Promise<ThrottleDecision> {
  const window = windowOf(options.now, options.policy.windowSeconds);
  const counters = countersFor(attempt, options.policy, window.index);
  if (counters.length === 0) return { throttled: false };
  const counts = await store.getMany(counters.map((counter) => counter.key));
  const reached = counters.find((counter, index) => Number(counts[index] ?? 0) >= counter.limit);
  if (reached === undefined) return { throttled: false };
  return { throttled: true, scope: reached.scope, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - options.now) / 1000)) };
}

/**
 * Counts a failed login against every limit that applies. Returns the scopes this failure
 * brought to their limit (so a lockout can be reported once, when it starts, not on every
 * refused attempt).
 */
export async function recordLoginFailure(
  store: Store,
  attempt: LoginAttempt,
  options: { now: number; policy: LoginThrottlePolicy },
): Promise<{ reached: ThrottleScope[]; retryAfterSeconds: number }> {
  const window = windowOf(options.now, options.policy.windowSeconds);
  const counters = countersFor(attempt, options.policy, window.index);
  // The counter lives until its window ends (plus a second for clock differences between instances).
  const ttlMs = window.endsAt - options.now + 1000;
  const counts = await Promise.all(counters.map((counter) => store.increment(counter.key, ttlMs)));
  return {
    reached: counters.filter((counter, index) => counts[index] === counter.limit).map((counter) => counter.scope),
    retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - options.now) / 1000)),
  };
}
