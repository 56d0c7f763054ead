/**
 * Server-side sessions: the cookie carries an opaque id, the state lives in the store, and every
 * request looks it up. Revoking is deleting the record; the next request is refused.
 * Pure domain code: the store, the clock and the policy are parameters.
 */
import { pruneIndex } from '@/lib/store/prune-index';
import type { Store } from '@/lib/store/store';
import type { Role, User } from '@/lib/users/users';
import { generateOpaqueToken, hashOpaqueToken, isWellFormedTokenHash } from '@/lib/crypto/opaque-token';
import { SESSION_ABSOLUTE_TIMEOUT_SECONDS, SESSION_IDLE_TIMEOUT_SECONDS, SESSION_TOUCH_INTERVAL_SECONDS } from '@/lib/policy';

export interface SessionPolicy {
  /** Sliding: a session unused this long ends. */
  idleTimeoutSeconds: number;
  /** Hard cap from login, however active the session is. */
  absoluteTimeoutSeconds: number;
  /** The idle window is slid (a store write) at most this often; see SESSION_TOUCH_INTERVAL_SECONDS. */
  touchIntervalSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleTimeoutSeconds: SESSION_IDLE_TIMEOUT_SECONDS.defaultValue,
  absoluteTimeoutSeconds: SESSION_ABSOLUTE_TIMEOUT_SECONDS.defaultValue,
  touchIntervalSeconds: SESSION_TOUCH_INTERVAL_SECONDS,
};

/** Regular users and admins keep separate session namespaces (and separate cookies). */
export type SessionScope = 'user' | 'admin';

const KEY_PREFIX: Record<SessionScope, string> = { user: 'session:', admin: 'admin_session:' };
const INDEX_PREFIX: Record<SessionScope, string> = { user: 'user_sessions:', admin: 'admin_sessions:' };

export function sessionKey(scope: SessionScope, sessionHash: string): string {
  return `${KEY_PREFIX[scope]}${sessionHash}`;
}

function userSessionsIndexKey(scope: SessionScope, userId: string): string {
  return `${INDEX_PREFIX[scope]}${userId}`;
}

export interface SessionRecord {
  userId: string;
  username: string;
  role: Role;
  /** Epoch milliseconds, as all times here (JSON has no Date). */
  createdAt: number;
  lastSeenAt: number;
  absoluteExpiresAt: number;
  userAgent: string | null;
}

export interface SessionView {
  /** The public handle of a session: the hash of its id, never the id itself. */
  id: string;
  createdAt: number;
  lastSeenAt: number;
  /** When it ends if unused: the idle deadline, capped by the absolute one. */
  expiresAt: number;
  absoluteExpiresAt: number;
  userAgent: string | null;
}

type SessionFailureCode = 'session_invalid' | 'session_expired';

export type ValidateSessionResult =
  | { ok: true; user: User; session: SessionView; record: SessionRecord; touched: boolean }
  | { ok: false; code: SessionFailureCode; reason: 'not_found' | 'corrupt' | 'idle_timeout' | 'absolute_timeout' };

export interface CreatedSession {
  /** Goes into the sealed cookie and nowhere else. */
  sessionId: string;
  session: SessionView;
  record: SessionRecord;
}

function idleDeadline(record: SessionRecord, policy: SessionPolicy): number {
  return Math.min(record.lastSeenAt + policy.idleTimeoutSeconds * 1000, record.absoluteExpiresAt);
}

function viewOf(sessionHash: string, record: SessionRecord, policy: SessionPolicy): SessionView {
  return {
    id: sessionHash,
    createdAt: record.createdAt,
    lastSeenAt: record.lastSeenAt,
    expiresAt: idleDeadline(record, policy),
    absoluteExpiresAt: record.absoluteExpiresAt,
    userAgent: record.userAgent,
  };
}

function parseRecord(raw: string): SessionRecord | null {
  try {
    const value = JSON.parse(raw) as Partial<SessionRecord>;
    if (
      typeof value.userId !== 'string' ||
      typeof value.username !== 'string' ||
      (value.role !== 'user' && value.role !== 'admin') ||
      typeof value.createdAt !== 'number' ||
      typeof value.lastSeenAt !== 'number' ||
      typeof value.absoluteExpiresAt !== 'number' ||
      (value.userAgent !== null && typeof value.userAgent !== 'string')
    ) {
      return null;
    }
    return value as SessionRecord;
  } catch {
    return null;
  }
}

/** Keeps user agents readable on the sessions list without letting a client store a novel. */
function truncateUserAgent(userAgent: string | null): string | null {
  return userAgent === null ? null : userAgent.slice(0, 256);
}

/**
 * Starts a session with a new random id (a new one on every login, so a planted id is useless:
 * no session fixation). The user's index is written before and after the record: if the store
 * fails in between, the worst case is a stale index entry, and a concurrent "log out everywhere"
 * can never leave a live session that the index does not list. Ended sessions are pruned from the
 * index first, so it lists live sessions, not every login ever made.
 */
export async function createSession(
  store: Store,
  user: User,
  options: { now: number; policy?: SessionPolicy; scope?: SessionScope; userAgent?: string | null },
): Promise<CreatedSession> {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const scope = options.scope ?? 'user';
  const sessionId = generateOpaqueToken();
  const sessionHash = hashOpaqueToken(sessionId);
  const record: SessionRecord = {
    userId: user.id,
    username: user.username,
    role: user.role,
    createdAt: options.now,
    lastSeenAt: options.now,
    absoluteExpiresAt: options.now + policy.absoluteTimeoutSeconds * 1000,
    userAgent: truncateUserAgent(options.userAgent ?? null),
  };
  const key = sessionKey(scope, sessionHash);
  const indexKey = userSessionsIndexKey(scope, user.id);
  await pruneIndex(store, indexKey);
  await store.addToIndex(indexKey, key, policy.absoluteTimeoutSeconds * 1000);
  await store.set(key, JSON.stringify(record), { ttlMs: idleDeadline(record, policy) - options.now });
  // A "log out everywhere" that ran between the two writes above deleted the index (and a record
  // that did not exist yet). Adding the member again after the record exists means a live session
  // is always listed, so the next "log out everywhere" reaches it (SADD is idempotent).
  await store.addToIndex(indexKey, key, policy.absoluteTimeoutSeconds * 1000);
  return { sessionId, session: viewOf(sessionHash, record, policy), record };
}

/**
 * Looks the session up (one store read) and checks both timeouts. Slides the idle window with a
 * conditional write when the last touch is older than the touch interval.
 */
export async function validateSession(
  store: Store,
  sessionId: string,
  /** slide: false checks without sliding the idle window (an open event stream is not activity). */
  options: { now: number; policy?: SessionPolicy; scope?: SessionScope; slide?: boolean },
): Promise<ValidateSessionResult> {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const scope = options.scope ?? 'user';
  const sessionHash = hashOpaqueToken(sessionId);
  const key = sessionKey(scope, sessionHash);
  const raw = await store.get(key);
  if (raw === null) return { ok: false, code: 'session_invalid', reason: 'not_found' };
  const record = parseRecord(raw);
  if (record === null) return { ok: false, code: 'session_invalid', reason: 'corrupt' };
  // The store's TTL already drops expired records; checking the timestamps as well keeps the
  // rules exact even if a driver's clock and ours disagree by a few milliseconds.
  if (options.now >= record.absoluteExpiresAt) {
    await store.delete(key);
    return { ok: false, code: 'session_expired', reason: 'absolute_timeout' };
  }
  if (options.now >= record.lastSeenAt + policy.idleTimeoutSeconds * 1000) {
    await store.delete(key);
    return { ok: false, code: 'session_expired', reason: 'idle_timeout' };
  }
  let current = record;
  let touched = false;
  if (options.slide !== false && options.now - record.lastSeenAt >= policy.touchIntervalSeconds * 1000) {
    const next = { ...record, lastSeenAt: options.now };
    // onlyIfPresent: a revoke that lands between our read and this write must win.
    touched = await store.set(key, JSON.stringify(next), { ttlMs: idleDeadline(next, policy) - options.now, onlyIfPresent: true });
    if (touched) current = next;
  }
  return {
    ok: true,
    user: { id: current.userId, username: current.username, role: current.role },
    session: viewOf(sessionHash, current, policy),
    record: current,
    touched,
  };
}

/**
 * Ends the session a cookie points to (logout). Returns what the record said, so the caller can
 * tell whose session it was, or null when it was already gone. Its index entry is left to be
 * pruned: deleting the record is what ends the session.
 */
export async function endSession(store: Store, sessionId: string, scope: SessionScope = 'user'): Promise<SessionRecord | null> {
  const raw = await store.getAndDelete(sessionKey(scope, hashOpaqueToken(sessionId)));
  return raw === null ? null : parseRecord(raw);
}

/** Ends one session of a user. Returns whether it was still live. */
export async function revokeSession(store: Store, userId: string, sessionHash: string, scope: SessionScope = 'user'): Promise<boolean> {
  const key = sessionKey(scope, sessionHash);
  const existed = await store.delete(key);
  await store.removeFromIndex(userSessionsIndexKey(scope, userId), key);
  return existed;
}

/** Ends every session of a user in one atomic store operation. Returns how many were live. */
export function revokeUserSessions(store: Store, userId: string, scope: SessionScope = 'user'): Promise<number> {
  return store.deleteIndexAndMembers(userSessionsIndexKey(scope, userId));
}

/** Whether `sessionHash` names one of this user's sessions (so a user can only revoke their own). */
export async function isUsersSession(store: Store, userId: string, sessionHash: string, scope: SessionScope = 'user'): Promise<boolean> {
  const members = await store.listIndex(userSessionsIndexKey(scope, userId));
  return members.includes(sessionKey(scope, sessionHash));
}

export type OwnSessionRevocation = { ok: true; session: string } | { ok: false; code: 'malformed_handle' | 'not_found' };

/**
 * A user ends one of their own sessions, named by its public handle (the hash of its id, as the
 * sessions list shows it). Someone else's handle gets the same `not_found` as one that does not
 * exist, so the answer tells nobody which handles are live.
 */
export async function revokeOwnSession(
  store: Store,
  userId: string,
  handle: string,
  scope: SessionScope = 'user',
): Promise<OwnSessionRevocation> {
  if (!isWellFormedTokenHash(handle)) return { ok: false, code: 'malformed_handle' };
  if (!(await isUsersSession(store, userId, handle, scope))) return { ok: false, code: 'not_found' };
  await revokeSession(store, userId, handle, scope);
  return { ok: true, session: handle };
}

/**
 * The user's live sessions, newest first. Entries whose record has expired are pruned from the
 * index on the way.
 */
export async function listUserSessions(
  store: Store,
  userId: string,
  options: { now: number; policy?: SessionPolicy; scope?: SessionScope },
): Promise<SessionView[]> {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const scope = options.scope ?? 'user';
  const indexKey = userSessionsIndexKey(scope, userId);
  const prefix = KEY_PREFIX[scope];
  const members = await store.listIndex(indexKey);
  const sessions: SessionView[] = [];
  for (const key of members) {
    const raw = await store.get(key);
    const record = raw === null ? null : parseRecord(raw);
    if (record === null || options.now >= idleDeadline(record, policy) || !key.startsWith(prefix)) {
      await store.removeFromIndex(indexKey, key);
      continue;
    }
    sessions.push(viewOf(key.slice(prefix.length), record, policy));
  }
  return sessions.sort((a, b) => b.createdAt - a.createdAt);
}
