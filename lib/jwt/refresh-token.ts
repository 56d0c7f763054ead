/**
 * Refresh tokens: opaque, 256-bit random, single use. Only a SHA-256 hash of the token is stored,
 * so a store dump gives an attacker nothing to present. Each login starts a family; every refresh
 * consumes the presented token and issues its successor in the same family.
 *
 * Store layout (all keys expire on their own):
 *   refresh:{hash}                  the live token's record (user, family, parent, expiries)
 *   refresh_rotated:{hash}          left behind when a token is rotated: family and time of use,
 *                                   so presenting it again is recognised as reuse. Lives only as
 *                                   long as the rotated token itself could have (its remaining
 *                                   idle life, at least the grace window), not the family's 30 days
 *   refresh_family:{familyId}       exists while the family is alive; deleting it revokes every
 *                                   token of the family, including one minted concurrently
 *   user_refresh_families:{userId}  index of the user's family keys: "revoke user" is one operation.
 *                                   Each login prunes the families that have ended, so the set
 *                                   lists live families only, plus those ended since the last login
 *
 * What a login costs: one family key and one index member for up to 30 days, one token record for
 * its idle life (7 days). Each refresh replaces the token record and leaves one marker for at
 * most the rotated token's idle life. Replaying a stale token writes nothing new: it deletes the
 * family and overwrites the user's single "revoked before" denylist key.
 *
 * Rotation is atomic across instances without a transaction: the rotated-marker is claimed with
 * `SET NX` before the record is deleted, so of any number of concurrent presentations exactly one
 * wins, and every loser finds either the record (and then loses the claim) or the marker.
 */
import { generateIdentifier, generateOpaqueToken, hashOpaqueToken, isWellFormedOpaqueToken } from '@/lib/crypto/opaque-token';
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

interface RefreshTokenRecord {
  userId: string;
  username: string;
  role: Role;
  familyId: string;
  parentHash: string | null;
  /** 1 for the token issued at login, +1 per rotation: the dashboard draws the chain. */
  generation: number;
  createdAt: number;
  lastUsedAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

interface RotationMarker {
  userId: string;
  familyId: string;
  rotatedAt: number;
  successorHash: string;
}

interface FamilyRecord {
  userId: string;
  familyId: string;
  createdAt: number;
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

export const refreshTokenKey = (hash: string) => `refresh:${hash}`;
const rotatedMarkerKey = (hash: string) => `refresh_rotated:${hash}`;
const refreshFamilyKey = (familyId: string) => `refresh_family:${familyId}`;
const userRefreshFamiliesKey = (userId: string) => `user_refresh_families:${userId}`;

/** The store key part of a refresh token: its hash (see lib/crypto/opaque-token.ts). */
export const hashRefreshToken = hashOpaqueToken;

function parseJson<T>(raw: string, check: (value: Partial<T>) => boolean): T | null {
  try {
    const value = JSON.parse(raw) as Partial<T> | null;
    return value !== null && typeof value === 'object' && check(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

const parseRecord = (raw: string) =>
  parseJson<RefreshTokenRecord>(
    raw,
    (r) =>
      typeof r.userId === 'string' &&
      typeof r.familyId === 'string' &&
      typeof r.generation === 'number' &&
      typeof r.idleExpiresAt === 'number' &&
      typeof r.absoluteExpiresAt === 'number' &&
      (r.role === 'user' || r.role === 'admin') &&
      typeof r.username === 'string',
  );
const parseMarker = (raw: string) =>
  parseJson<RotationMarker>(raw, (m) => typeof m.familyId === 'string' && typeof m.userId === 'string' && typeof m.rotatedAt === 'number');

async function writeRecord(store: Store, record: RefreshTokenRecord, now: number): Promise<string> {
  const token = generateOpaqueToken();
  await store.set(refreshTokenKey(hashRefreshToken(token)), JSON.stringify(record), { ttlMs: record.idleExpiresAt - now });
  return token;
}

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
  const familyId = generateIdentifier();
  const absoluteExpiresAt = now + policy.absoluteSeconds * 1000;
  const family: FamilyRecord = { userId: user.id, familyId, createdAt: now, absoluteExpiresAt };
  const ttlMs = absoluteExpiresAt - now;
  await store.set(refreshFamilyKey(familyId), JSON.stringify(family), { ttlMs });
  await pruneIndex(store, userRefreshFamiliesKey(user.id));
  await store.addToIndex(userRefreshFamiliesKey(user.id), refreshFamilyKey(familyId), ttlMs);
  const record: RefreshTokenRecord = {
    userId: user.id,
    username: user.username,
    role: user.role,
    familyId,
    parentHash: null,
    generation: 1,
    createdAt: now,
    lastUsedAt: now,
    idleExpiresAt: Math.min(now + policy.idleSeconds * 1000, absoluteExpiresAt),
    absoluteExpiresAt,
  };
  return { token: await writeRecord(store, record, now), record };
}

/** Ends one family: every token in it, including a successor being minted right now, stops working. */
async function revokeRefreshFamily(store: Store, familyId: string, userId: string): Promise<boolean> {
  const existed = await store.delete(refreshFamilyKey(familyId));
  await store.removeFromIndex(userRefreshFamiliesKey(userId), refreshFamilyKey(familyId));
  return existed;
}

/** A token that is no longer live was presented: a concurrent duplicate inside the grace window, or theft. */
async function judgeRepeatedPresentation(
  store: Store,
  marker: RotationMarker,
  now: number,
  policy: RefreshPolicy,
): Promise<RefreshRotation> {
  if (now - marker.rotatedAt <= policy.graceSeconds * 1000) {
    // Neither mint a second chain nor revoke: the client retries and its cookie jar (or the other
    // tab's response) already holds the successor.
    return { ok: false, code: 'refresh_in_progress', userId: marker.userId, familyId: marker.familyId };
  }
  // Theft: whoever holds this family may also hold its access tokens, so they are marked revoked
  // for the denylist too. The user's other devices keep their own families and simply refresh.
  await revokeRefreshFamily(store, marker.familyId, marker.userId);
  await markUserRevoked(store, marker.userId, now);
  return { ok: false, code: 'refresh_reused', familyRevoked: true, userId: marker.userId, familyId: marker.familyId };
}

/**
 * Consumes `token` and returns its successor (same family, new idle expiry, same absolute expiry).
 * A token that was already rotated is judged by the grace window: a duplicate inside it gets
 * `refresh_in_progress`; after it, `refresh_reused` and the whole family is revoked.
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
  if (!isWellFormedOpaqueToken(token)) return { ok: false, code: 'refresh_invalid' };
  const hash = hashRefreshToken(token);

  const raw = await store.get(refreshTokenKey(hash));
  if (raw === null) {
    const markerRaw = await store.get(rotatedMarkerKey(hash));
    const marker = markerRaw === null ? null : parseMarker(markerRaw);
    return marker === null ? { ok: false, code: 'refresh_invalid' } : judgeRepeatedPresentation(store, marker, now, policy);
  }
  const record = parseRecord(raw);
  if (record === null) return { ok: false, code: 'refresh_invalid' };
  if (now >= record.idleExpiresAt || now >= record.absoluteExpiresAt) {
    await store.delete(refreshTokenKey(hash));
    return { ok: false, code: 'refresh_expired', userId: record.userId, familyId: record.familyId };
  }
  if ((await store.get(refreshFamilyKey(record.familyId))) === null) {
    await store.delete(refreshTokenKey(hash));
    return { ok: false, code: 'refresh_revoked', userId: record.userId, familyId: record.familyId };
  }

  const recorded: User = { id: record.userId, username: record.username, role: record.role };
  const user = input.resolveUser === undefined ? recorded : input.resolveUser(record.userId);
  if (user === null) {
    await revokeRefreshFamily(store, record.familyId, record.userId);
    await store.delete(refreshTokenKey(hash));
    return { ok: false, code: 'refresh_revoked', userId: record.userId, familyId: record.familyId };
  }

  const successorToken = generateOpaqueToken();
  const successorHash = hashRefreshToken(successorToken);
  const marker: RotationMarker = { userId: record.userId, familyId: record.familyId, rotatedAt: now, successorHash };
  // The claim is the atomic step: the marker is written before the record is deleted, so a
  // concurrent presentation always finds one of the two, and only one caller can write it.
  const claimed = await store.set(rotatedMarkerKey(hash), JSON.stringify(marker), {
    onlyIfAbsent: true,
    // The marker protects the rotated token, which would have expired at its idle expiry anyway:
    // past that, presenting it is plain `refresh_invalid`. So a marker never outlives its token,
    // and never ends before the grace window that tells a concurrent duplicate from theft.
    ttlMs: Math.max(record.idleExpiresAt - now, policy.graceSeconds * 1000),
  });
  if (!claimed) {
    const winnerRaw = await store.get(rotatedMarkerKey(hash));
    const winner = winnerRaw === null ? null : parseMarker(winnerRaw);
    return winner === null ? { ok: false, code: 'refresh_invalid' } : judgeRepeatedPresentation(store, winner, now, policy);
  }
  await store.delete(refreshTokenKey(hash));

  const successor: RefreshTokenRecord = {
    ...record,
    username: user.username,
    role: user.role,
    parentHash: hash,
    generation: record.generation + 1,
    createdAt: now,
    lastUsedAt: now,
    idleExpiresAt: Math.min(now + policy.idleSeconds * 1000, record.absoluteExpiresAt),
  };
  await store.set(refreshTokenKey(successorHash), JSON.stringify(successor), { ttlMs: successor.idleExpiresAt - now });
  // A revoke may have deleted the family between the check above and this write. Re-checking
  // after the successor exists closes that window: either the revoke came first and we see it
  // here (and withdraw the successor), or it comes later and deletes the family the successor
  // needs for its next rotation. Either way no live successor outlives a revoke.
  if ((await store.get(refreshFamilyKey(record.familyId))) === null) {
    await store.delete(refreshTokenKey(successorHash));
    return { ok: false, code: 'refresh_revoked', userId: record.userId, familyId: record.familyId };
  }
  return {
    ok: true,
    token: successorToken,
    record: successor,
    user,
  };
}

export type RefreshRevocation =
  { ok: true; userId: string; familyId: string; familyRevoked: boolean } | { ok: false; code: 'refresh_invalid' };

/**
 * Logout: revokes the family of `token` (live, or already rotated), so no token of this login
 * can be refreshed again. Access tokens already issued stay valid until they expire.
 */
export async function revokeRefreshTokenFamily(store: Store, token: string): Promise<RefreshRevocation> {
  if (!isWellFormedOpaqueToken(token)) return { ok: false, code: 'refresh_invalid' };
  const hash = hashRefreshToken(token);
  // The record is left to expire on its own: presented again it answers `refresh_revoked`, which
  // tells a client "this login was ended" rather than "never heard of it". Without its family it
  // can never be rotated.
  const raw = await store.get(refreshTokenKey(hash));
  let owner: { userId: string; familyId: string } | null = raw === null ? null : parseRecord(raw);
  if (owner === null) {
    const markerRaw = await store.get(rotatedMarkerKey(hash));
    owner = markerRaw === null ? null : parseMarker(markerRaw);
  }
  if (owner === null) return { ok: false, code: 'refresh_invalid' };
  const familyRevoked = await revokeRefreshFamily(store, owner.familyId, owner.userId);
  return { ok: true, userId: owner.userId, familyId: owner.familyId, familyRevoked };
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
 * Reads what a refresh token stands for without using it (for the dashboard): its record and
 * whether its family is still alive. A rotated or unknown token is `refresh_invalid`.
 */
export async function describeRefreshToken(store: Store, token: string, now: number): Promise<RefreshTokenDescription> {
  if (!isWellFormedOpaqueToken(token)) return { ok: false, code: 'refresh_invalid' };
  const raw = await store.get(refreshTokenKey(hashRefreshToken(token)));
  const record = raw === null ? null : parseRecord(raw);
  if (record === null) return { ok: false, code: 'refresh_invalid' };
  if (now >= record.idleExpiresAt || now >= record.absoluteExpiresAt) return { ok: false, code: 'refresh_expired' };
  const familyAlive = (await store.get(refreshFamilyKey(record.familyId))) !== null;
  return familyAlive ? { ok: true, record, familyAlive } : { ok: false, code: 'refresh_revoked' };
}
