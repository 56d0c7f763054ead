/**
 * Refresh tokens: opaque and single use. A token is `{familyId}.{secret}`: 128 bits naming its
 * login (the family) and 256 random bits. Only a SHA-256 hash of the whole token is stored, so a
 * store dump gives an attacker nothing to present. Each login starts a family; every refresh
 * consumes the presented token and issues its successor in the same family.
 *
 * Store layout: a family costs a constant number of keys however often it refreshes.
 *   refresh_family:{sha256(id)}     the family: user, the hash of its one live token, the hash it
 *                                   replaced and when, generation and expiries. Deleting it revokes
 *                                   every token of the family, including one being minted. It
 *                                   expires with the live token's idle deadline (capped by the
 *                                   absolute one): an unused login ends on its own.
 *   refresh_claim:{hash}            set-if-absent by the one request that rotates a token; lives
 *                                   only for the grace window
 *   user_refresh_families:{userId}  index of the user's family keys: "revoke user" is one operation.
 *                                   Each login prunes the families that have ended
 *
 * Because every token names its family, a rotated token presented again is recognised however old
 * it is, without keeping one marker per rotation: its hash is not the family's live one. Inside the
 * grace window after its own rotation it is a concurrent duplicate (two tabs); any other time it is
 * reuse, and the family is revoked. The family id is therefore treated as part of the secret: the
 * store, events and the dashboard know a family only by the SHA-256 of its id.
 *
 * Rotation is atomic across instances without a transaction: of any number of concurrent
 * presentations of the live token exactly one wins the claim (`SET NX`), and the winner's family
 * write is conditional on the family still existing (`SET XX`), so a revoke always wins.
 */
import { generateIdentifier, generateOpaqueToken, hashOpaqueToken } from '@/lib/crypto/opaque-token';
import { REFRESH_GRACE_SECONDS, REFRESH_TOKEN_ABSOLUTE_SECONDS, REFRESH_TOKEN_IDLE_SECONDS } from '@/lib/policy';
import { pruneIndex } from '@/lib/store/prune-index';
import type { Store } from '@/lib/store/store';
import type { Role, User } from '@/lib/users/users';
import { markUserRevoked } from './denylist';

export interface RefreshPolicy {
  /** A token unused for this long expires (each rotation restarts it). Default 7 days. */
  idleSeconds: number;
  /** A family ends this long after login, however active. Default 30 days. */
  absoluteSeconds: number;
  /**
   * How long after a rotation a second presentation of the same token is treated as a concurrent
   * duplicate (two tabs refreshing at once) and answered `refresh_in_progress` (409, retry with
   * the new cookie) instead of theft. Default 10 s, from the runtime settings.
   */
  graceSeconds: number;
}

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = {
  idleSeconds: REFRESH_TOKEN_IDLE_SECONDS,
  absoluteSeconds: REFRESH_TOKEN_ABSOLUTE_SECONDS,
  graceSeconds: REFRESH_GRACE_SECONDS.defaultValue,
};

/** A family and its one live token, as stored under `refresh_family:{familyId}`. */
interface RefreshTokenRecord {
  userId: string;
  username: string;
  role: Role;
  /** The family's handle (see familyHandleOf), never the id carried in the token. */
  familyId: string;
  /** SHA-256 (hex) of the family's live token. */
  currentHash: string;
  /** The hash the live token replaced (null for the token issued at login). */
  parentHash: string | null;
  /** When the live token replaced its parent: the grace window runs from here. */
  rotatedAt: number | null;
  /** 1 for the token issued at login, +1 per rotation: the dashboard draws the chain. */
  generation: number;
  /** When the live token was issued. */
  createdAt: number;
  lastUsedAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

export interface IssuedRefreshToken {
  /** The secret for the client; never stored. */
  token: string;
  record: RefreshTokenRecord;
}

export type RefreshFailureCode = 'refresh_invalid' | 'refresh_expired' | 'refresh_revoked' | 'refresh_in_progress' | 'refresh_reused';

export type RefreshRotation =
  | ({ ok: true; user: User } & IssuedRefreshToken)
  | {
      ok: false;
      code: RefreshFailureCode;
      /** True when this presentation revoked the family (reuse after the grace window): an event to record. */
      familyRevoked?: boolean;
      userId?: string;
      familyId?: string;
    };

/**
 * The family's handle: SHA-256 (hex) of the family id in the token. The store, events and the
 * dashboard only ever see the handle, so nothing outside the token names a family in a form that
 * could be put into a forged token (which would count as reuse and end the family).
 */
const familyHandleOf = hashOpaqueToken;
export const refreshFamilyKey = (familyHandle: string) => `refresh_family:${familyHandle}`;
const rotationClaimKey = (hash: string) => `refresh_claim:${hash}`;
const userRefreshFamiliesKey = (userId: string) => `user_refresh_families:${userId}`;

/** `{familyId}.{secret}`: a 128-bit identifier (22 characters) and 256 random bits (43). */
const REFRESH_TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]{43}$/;

/** The handle of the family a token names, when it has the shape of a token we issue; checked before any store access. */
function familyIdOf(token: string): string | null {
  const familyId = REFRESH_TOKEN_PATTERN.exec(token)?.[1];
  return familyId === undefined ? null : familyHandleOf(familyId);
}

/** SHA-256 in hex of the whole token: the only form in which the store ever holds it. */
export const hashRefreshToken = hashOpaqueToken;

function newTokenFor(familyId: string): { token: string; hash: string } {
  const token = `${familyId}.${generateOpaqueToken()}`;
  return { token, hash: hashRefreshToken(token) };
}

function parseRecord(raw: string): RefreshTokenRecord | null {
  try {
    const r = JSON.parse(raw) as Partial<RefreshTokenRecord> | null;
    const valid =
      r !== null &&
      typeof r === 'object' &&
      typeof r.userId === 'string' &&
      typeof r.username === 'string' &&
      (r.role === 'user' || r.role === 'admin') &&
      typeof r.familyId === 'string' &&
      typeof r.currentHash === 'string' &&
      (r.parentHash === null || typeof r.parentHash === 'string') &&
      (r.rotatedAt === null || typeof r.rotatedAt === 'number') &&
      typeof r.generation === 'number' &&
      typeof r.createdAt === 'number' &&
      typeof r.idleExpiresAt === 'number' &&
      typeof r.absoluteExpiresAt === 'number';
    return valid ? (r as RefreshTokenRecord) : null;
  } catch {
    return null;
  }
}

/** The family key lives until its live token's idle deadline: an unused login ends on its own. */
const familyTtlMs = (record: RefreshTokenRecord, now: number) => Math.max(1, record.idleExpiresAt - now);

/**
 * Starts a new family for `user` (a login) and returns its first refresh token.
 *
 * @example
 * const { token, record } = await issueRefreshToken(store, { user, now: Date.now() });
 */
export async function issueRefreshToken(
  store: Store,
  input: { user: User; now: number; policy?: RefreshPolicy },
): Promise<IssuedRefreshToken> {
  const { user, now } = input;
  const policy = input.policy ?? DEFAULT_REFRESH_POLICY;
  const tokenFamilyId = generateIdentifier();
  const { token, hash } = newTokenFor(tokenFamilyId);
  const familyId = familyHandleOf(tokenFamilyId);
  const absoluteExpiresAt = now + policy.absoluteSeconds * 1000;
  const record: RefreshTokenRecord = {
    userId: user.id,
    username: user.username,
    role: user.role,
    familyId,
    currentHash: hash,
    parentHash: null,
    rotatedAt: null,
    generation: 1,
    createdAt: now,
    lastUsedAt: now,
    idleExpiresAt: Math.min(now + policy.idleSeconds * 1000, absoluteExpiresAt),
    absoluteExpiresAt,
  };
  const indexKey = userRefreshFamiliesKey(user.id);
  await pruneIndex(store, indexKey);
  // Listed before it exists, and again after: a "revoke user" running in between cannot leave a
  // live family that the index no longer lists.
  await store.addToIndex(indexKey, refreshFamilyKey(familyId), absoluteExpiresAt - now);
  await store.set(refreshFamilyKey(familyId), JSON.stringify(record), { ttlMs: familyTtlMs(record, now) });
  await store.addToIndex(indexKey, refreshFamilyKey(familyId), absoluteExpiresAt - now);
  return { token, record };
}

/** Ends one family: every token in it, including a successor being minted right now, stops working. */
async function revokeRefreshFamily(store: Store, familyId: string, userId: string): Promise<boolean> {
  const existed = await store.delete(refreshFamilyKey(familyId));
  await store.removeFromIndex(userRefreshFamiliesKey(userId), refreshFamilyKey(familyId));
  return existed;
}

/** A token of a live family that is not its live token: a concurrent duplicate inside the grace window, or theft. */
async function judgeStalePresentation(
  store: Store,
  record: RefreshTokenRecord,
  hash: string,
  now: number,
  policy: RefreshPolicy,
): Promise<RefreshRotation> {
  const who = { userId: record.userId, familyId: record.familyId };
  const justRotated = record.parentHash === hash && record.rotatedAt !== null && now - record.rotatedAt <= policy.graceSeconds * 1000;
  if (justRotated) {
    // Neither mint a second chain nor revoke: the client retries and its cookie jar (or the other
    // tab's response) already holds the successor.
    return { ok: false, code: 'refresh_in_progress', ...who };
  }
  // Theft: whoever holds this family may also hold its access tokens, so they are marked revoked
  // for the denylist too. The user's other devices keep their own families and simply refresh.
  await revokeRefreshFamily(store, record.familyId, record.userId);
  await markUserRevoked(store, record.userId, now);
  return { ok: false, code: 'refresh_reused', familyRevoked: true, ...who };
}

/**
 * Consumes `token` and returns its successor (same family, new idle expiry, same absolute expiry).
 * A token of the family that is no longer its live one is judged by the grace window: a duplicate
 * inside it gets `refresh_in_progress`; otherwise `refresh_reused` and the whole family is revoked.
 *
 * @example
 * const result = await rotateRefreshToken(store, presented, { now: Date.now(), policy });
 * if (!result.ok && result.familyRevoked) recordEvent('refresh_reused', result);
 */
export async function rotateRefreshToken(
  store: Store,
  token: string,
  input: {
    now: number;
    policy?: RefreshPolicy;
    /**
     * The user as configured now (see UserDirectory.findById). A user no longer configured gets
     * `refresh_revoked` and loses the family; the successor carries the current role, not the
     * copy made at login. Omitted: the record's copy (unit tests with no directory).
     */
    resolveUser?: (userId: string) => User | null;
  },
): Promise<RefreshRotation> {
  const { now } = input;
  const policy = input.policy ?? DEFAULT_REFRESH_POLICY;
  const familyId = familyIdOf(token);
  if (familyId === null) return { ok: false, code: 'refresh_invalid' };
  const hash = hashRefreshToken(token);

  const raw = await store.get(refreshFamilyKey(familyId));
  // No family: logged out, revoked, or unused until its idle deadline. The login is over.
  if (raw === null) return { ok: false, code: 'refresh_revoked' };
  const record = parseRecord(raw);
  if (record === null || record.familyId !== familyId) return { ok: false, code: 'refresh_invalid' };
  const who = { userId: record.userId, familyId };
  if (record.currentHash !== hash) return judgeStalePresentation(store, record, hash, now, policy);
  if (now >= record.idleExpiresAt || now >= record.absoluteExpiresAt) {
    await revokeRefreshFamily(store, familyId, record.userId);
    return { ok: false, code: 'refresh_expired', ...who };
  }

  const recorded: User = { id: record.userId, username: record.username, role: record.role };
  const user = input.resolveUser === undefined ? recorded : input.resolveUser(record.userId);
  if (user === null) {
    await revokeRefreshFamily(store, familyId, record.userId);
    return { ok: false, code: 'refresh_revoked', ...who };
  }

  // The claim is the atomic step: of any number of concurrent presentations that all read the
  // family before it changed, exactly one writes this key. It only has to outlive that moment.
  const claimed = await store.set(rotationClaimKey(hash), String(now), {
    onlyIfAbsent: true,
    ttlMs: Math.max(policy.graceSeconds, 1) * 1000,
  });
  if (!claimed) return { ok: false, code: 'refresh_in_progress', ...who };

  const successor = newTokenFor(token.slice(0, token.indexOf('.')));
  const next: RefreshTokenRecord = {
    ...record,
    username: user.username,
    role: user.role,
    currentHash: successor.hash,
    parentHash: hash,
    rotatedAt: now,
    generation: record.generation + 1,
    createdAt: now,
    lastUsedAt: now,
    idleExpiresAt: Math.min(now + policy.idleSeconds * 1000, record.absoluteExpiresAt),
  };
  // onlyIfPresent: a revoke that deleted the family since we read it wins, and no successor exists.
  const written = await store.set(refreshFamilyKey(familyId), JSON.stringify(next), { ttlMs: familyTtlMs(next, now), onlyIfPresent: true });
  if (!written) return { ok: false, code: 'refresh_revoked', ...who };
  return { ok: true, token: successor.token, record: next, user };
}

export type RefreshRevocation =
  { ok: true; userId: string; familyId: string; familyRevoked: boolean } | { ok: false; code: 'refresh_invalid' };

/**
 * Logout: revokes the family of `token` (its live token, or one already rotated), so no token of
 * this login can be refreshed again. Access tokens already issued stay valid until they expire.
 * A token that does not belong to a live family revokes nothing.
 */
export async function revokeRefreshTokenFamily(store: Store, token: string): Promise<RefreshRevocation> {
  const familyId = familyIdOf(token);
  if (familyId === null) return { ok: false, code: 'refresh_invalid' };
  const raw = await store.get(refreshFamilyKey(familyId));
  const record = raw === null ? null : parseRecord(raw);
  // Only a token this family really issued may end it: its live one or the one just replaced.
  const hash = hashRefreshToken(token);
  if (record === null || (record.currentHash !== hash && record.parentHash !== hash)) return { ok: false, code: 'refresh_invalid' };
  const familyRevoked = await revokeRefreshFamily(store, familyId, record.userId);
  return { ok: true, userId: record.userId, familyId, familyRevoked };
}

/**
 * Revokes every refresh-token family of a user in one atomic store operation and returns how many
 * live families it ended. The access tokens they issued are a separate matter: see
 * `revokeUserEverywhere` (lib/revocation), which also marks them for the denylist.
 */
export function revokeUserRefreshFamilies(store: Store, userId: string): Promise<number> {
  return store.deleteIndexAndMembers(userRefreshFamiliesKey(userId));
}

export type RefreshTokenDescription =
  | { ok: true; record: RefreshTokenRecord; familyAlive: boolean }
  | { ok: false; code: 'refresh_invalid' | 'refresh_revoked' | 'refresh_expired' };

/**
 * Reads what a refresh token stands for without using it (for the dashboard): its family's record.
 * A token that is not its family's live one is `refresh_invalid`; no family is `refresh_revoked`.
 */
export async function describeRefreshToken(store: Store, token: string, now: number): Promise<RefreshTokenDescription> {
  const familyId = familyIdOf(token);
  if (familyId === null) return { ok: false, code: 'refresh_invalid' };
  const raw = await store.get(refreshFamilyKey(familyId));
  if (raw === null) return { ok: false, code: 'refresh_revoked' };
  const record = parseRecord(raw);
  if (record === null || record.currentHash !== hashRefreshToken(token)) return { ok: false, code: 'refresh_invalid' };
  if (now >= record.idleExpiresAt || now >= record.absoluteExpiresAt) return { ok: false, code: 'refresh_expired' };
  return { ok: true, record, familyAlive: true };
}
