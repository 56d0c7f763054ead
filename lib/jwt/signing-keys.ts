/**
 * Signing keys for access tokens: generated once and kept in the store (so every instance signs
 * and verifies with the same keys), or given by configuration (JWT_PRIVATE_KEYS, which never
 * touches the store). Pure: the store, `now` and the seal (SIGNING_KEY_SECRET) are parameters.
 * Private keys never leave the server; `buildJwks` exports only the public parts.
 *
 * Lifecycle of a key: `current` (signs new tokens) -> `previous` (still verifies tokens it signed,
 * still published in the JWKS) -> `retired` (gone from the JWKS, its tokens fail). Retire a
 * previous key once the longest access-token lifetime has passed since it stopped signing, or at
 * once to cut off a compromised key.
 *
 * What the store holds (`jwt:signing-keys`), so that a copy of it (a backup, a replica, a
 * read-only token) cannot mint tokens: every key's public JWK, and a private part for the current
 * key only, encrypted with AES-256-GCM under a key derived from SIGNING_KEY_SECRET and bound to
 * that key's kid (lib/jwt/private-key-seal.ts). A key's private part is dropped the moment it
 * stops signing (rotate), not when it is retired: verifying needs only the public part.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { Store } from '@/lib/store/store';
import { isWellFormedKid } from './kid';
import type { PrivateKeySeal, SealBinding } from './private-key-seal';

export type SigningAlgorithm = 'EdDSA' | 'ES256';
type SigningKeyStatus = 'current' | 'previous' | 'retired';

/** A public JWK as the JWKS publishes it: nothing secret, nothing that is not needed to verify. */
export interface PublicJwk {
  kty: 'OKP' | 'EC';
  crv: 'Ed25519' | 'P-256';
  x: string;
  y?: string;
  kid: string;
  alg: SigningAlgorithm;
  use: 'sig';
}

interface PrivateJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  d: string;
}

export interface SigningKeyRecord {
  kid: string;
  alg: SigningAlgorithm;
  status: SigningKeyStatus;
  createdAt: number;
  /** When it stopped signing (became previous) or stopped verifying (retired). */
  statusChangedAt: number;
  /**
   * The current key's private part, in this process's memory only (opened from the store's sealed
   * copy, or from JWT_PRIVATE_KEYS). Absent on every other key: a key that stopped signing must
   * never sign again, and verifying needs only `publicJwk`.
   */
  privateJwk?: PrivateJwk;
  publicJwk: PublicJwk;
}

export interface SigningKeySet {
  keys: SigningKeyRecord[];
  /** Increases with every change, so a process can tell whether its cached copy is current. */
  version: number;
}

/** What the admin console lists: no private parts. */
export interface SigningKeySummary {
  kid: string;
  alg: SigningAlgorithm;
  status: SigningKeyStatus;
  createdAt: number;
  statusChangedAt: number;
}

export const SIGNING_KEYS_KEY = 'jwt:signing-keys';
/** Short-lived lock so two admins rotating at once cannot both read-modify-write the key set. */
const SIGNING_KEYS_LOCK_KEY = 'jwt:signing-keys:lock';
const LOCK_TTL_MS = 5_000;

export type SigningKeyChange =
  { ok: true; keySet: SigningKeySet } | { ok: false; code: 'unknown_kid' | 'key_is_current' | 'busy'; message: string };

function randomKid(now: number): string {
  const suffix = randomBytes(6).toString('base64url');
  // A date prefix makes "which key is newer" readable on the dashboard.
  return `${new Date(now).toISOString().slice(0, 10)}.${suffix}`;
}

/** Generates a fresh Ed25519 key (alg EdDSA) with a random `kid`. */
export async function generateSigningKey(now: number): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const priv = await exportJWK(privateKey);
  const pub = await exportJWK(publicKey);
  const kid = randomKid(now);
  if (typeof priv.d !== 'string' || typeof pub.x !== 'string') throw new Error('jose exported an incomplete Ed25519 key');
  return {
    kid,
    alg: 'EdDSA',
    status: 'current',
    createdAt: now,
    statusChangedAt: now,
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x, d: priv.d },
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: pub.x, kid, alg: 'EdDSA', use: 'sig' },
  };
}

/** Configured private JWKs: the first one signs, the others only verify (so their private parts are not kept). */
export function signingKeysFromConfig(
  jwks: readonly { kid: string; kty: string; crv?: string; x?: string; y?: string; d: string }[],
  now: number,
): SigningKeySet {
  const keys = jwks.map((jwk, index): SigningKeyRecord => {
    const ed25519 = jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
    const alg: SigningAlgorithm = ed25519 ? 'EdDSA' : 'ES256';
    if (typeof jwk.x !== 'string') throw new Error(`JWT_PRIVATE_KEYS[${index}] has no public part "x"`);
    const publicJwk: PublicJwk = ed25519
      ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid, alg, use: 'sig' }
      : { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: jwk.kid, alg, use: 'sig' };
    const record: SigningKeyRecord = {
      kid: jwk.kid,
      alg,
      status: index === 0 ? 'current' : 'previous',
      createdAt: now,
      statusChangedAt: now,
      publicJwk,
    };
    return index === 0 ? { ...record, privateJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d } } : record;
  });
  return { keys, version: 1 };
}

/** A key as the store holds it: public parts, and for the current key only its sealed private part. */
interface StoredSigningKeyRecord extends Omit<SigningKeyRecord, 'privateJwk'> {
  /** The current key's private JWK, encrypted (see private-key-seal.ts); absent on every other key. */
  sealedPrivateJwk?: string;
}

interface StoredSigningKeySet {
  keys: StoredSigningKeyRecord[];
  version: number;
}

/**
 * The current key in the store cannot be opened with this process's SIGNING_KEY_SECRET: it was
 * sealed under another secret (a restart with a new ephemeral one, an instance configured apart
 * from the others) or the record was altered. A configuration problem: the message says the fix.
 */
export class SigningKeyUnreadableError extends Error {
  readonly code = 'signing_key_unreadable';
  constructor(readonly kid: string) {
    super(
      `The current signing key "${kid}" in ${SIGNING_KEYS_KEY} cannot be decrypted with this instance's SIGNING_KEY_SECRET. ` +
        'Every instance sharing the store must have the same SIGNING_KEY_SECRET: set the one the others use. ' +
        'If that secret is lost, rotate the signing key from the admin console (tokens of the old key keep verifying until you retire it).',
    );
    this.name = 'SigningKeyUnreadableError';
  }
}

function bindingOf(key: Pick<SigningKeyRecord, 'kid' | 'alg' | 'publicJwk'>): SealBinding {
  return { kid: key.kid, alg: key.alg, x: key.publicJwk.x, y: key.publicJwk.y };
}

/** Validates a key set read back from the store; anything odd is a configuration problem, not a token problem. */
function parseStoredSigningKeySet(raw: string): StoredSigningKeySet {
  const parsed = JSON.parse(raw) as Partial<StoredSigningKeySet> | null;
  if (!parsed || !Array.isArray(parsed.keys) || typeof parsed.version !== 'number') {
    throw new Error(`${SIGNING_KEYS_KEY} in the store is not a signing key set; delete the key to generate a new one`);
  }
  for (const key of parsed.keys) {
    if (!isWellFormedKid(key?.kid) || (key.alg !== 'EdDSA' && key.alg !== 'ES256') || typeof key.publicJwk?.x !== 'string') {
      throw new Error(`${SIGNING_KEYS_KEY} in the store holds a malformed key; delete the key to generate a new one`);
    }
  }
  if (parsed.keys.filter((key) => key.status === 'current').length !== 1) {
    throw new Error(`${SIGNING_KEYS_KEY} in the store must have exactly one current key`);
  }
  return parsed as StoredSigningKeySet;
}

/** What the store gets: the current key's private part sealed, every other private part dropped. */
function sealSigningKeySet(keySet: SigningKeySet, seal: PrivateKeySeal): StoredSigningKeySet {
  return {
    version: keySet.version,
    keys: keySet.keys.map(({ privateJwk, ...publicOnly }): StoredSigningKeyRecord => {
      if (publicOnly.status !== 'current') return publicOnly;
      if (!privateJwk) throw new Error(`the current signing key "${publicOnly.kid}" has no private part to store`);
      return { ...publicOnly, sealedPrivateJwk: seal.seal(privateJwk, bindingOf(publicOnly)) };
    }),
  };
}

/** Opens the current key's private part; the other keys come back public only, whatever the store held. */
function openSigningKeySet(stored: StoredSigningKeySet, seal: PrivateKeySeal): SigningKeySet {
  return {
    version: stored.version,
    keys: stored.keys.map((storedKey): SigningKeyRecord => {
      // Any other field (a clear `privateJwk` written by an older version of this app) is left behind.
      const { kid, alg, status, createdAt, statusChangedAt, publicJwk, sealedPrivateJwk } = storedKey;
      const key: SigningKeyRecord = { kid, alg, status, createdAt, statusChangedAt, publicJwk };
      if (status !== 'current') return key;
      const opened = sealedPrivateJwk === undefined ? null : seal.open(sealedPrivateJwk, bindingOf(key));
      if (opened === null || typeof opened.d !== 'string') throw new SigningKeyUnreadableError(kid);
      return { ...key, privateJwk: opened as unknown as PrivateJwk };
    }),
  };
}

async function readStoredSigningKeys(store: Store): Promise<StoredSigningKeySet | null> {
  const raw = await store.get(SIGNING_KEYS_KEY);
  return raw === null ? null : parseStoredSigningKeySet(raw);
}

/**
 * Reads the shared key set, creating it on first use, and opens the current key's private part
 * with `seal`. Two instances starting at once both generate a key, but `onlyIfAbsent` lets exactly
 * one write it and the other adopts the winner's, so every instance signs with the same key.
 * Throws SigningKeyUnreadableError when the current key was sealed under another secret.
 */
export async function loadSigningKeys(store: Store, now: number, seal: PrivateKeySeal): Promise<SigningKeySet> {
  const existing = await readStoredSigningKeys(store);
  if (existing !== null) return openSigningKeySet(existing, seal);
  const created: SigningKeySet = { keys: [await generateSigningKey(now)], version: 1 };
  if (await store.set(SIGNING_KEYS_KEY, JSON.stringify(sealSigningKeySet(created, seal)), { onlyIfAbsent: true })) return created;
  const winner = await readStoredSigningKeys(store);
  if (winner === null) throw new Error(`${SIGNING_KEYS_KEY} vanished right after another instance created it`);
  return openSigningKeySet(winner, seal);
}

async function changeSigningKeys(
  store: Store,
  now: number,
  seal: PrivateKeySeal,
  change: (keySet: SigningKeySet) => Promise<SigningKeyChange>,
  open: (stored: StoredSigningKeySet) => SigningKeySet,
): Promise<SigningKeyChange> {
  if (!(await store.set(SIGNING_KEYS_LOCK_KEY, String(now), { onlyIfAbsent: true, ttlMs: LOCK_TTL_MS }))) {
    return { ok: false, code: 'busy', message: 'Another key change is in progress; try again in a few seconds.' };
  }
  try {
    const stored = await readStoredSigningKeys(store);
    const result = await change(stored === null ? await loadSigningKeys(store, now, seal) : open(stored));
    if (result.ok) await store.set(SIGNING_KEYS_KEY, JSON.stringify(sealSigningKeySet(result.keySet, seal)));
    return result;
  } finally {
    await store.delete(SIGNING_KEYS_LOCK_KEY);
  }
}

/** The key set with only public parts: enough to rotate, which never needs the outgoing private key. */
function publicOnly(stored: StoredSigningKeySet): SigningKeySet {
  return {
    version: stored.version,
    keys: stored.keys.map(({ kid, alg, status, createdAt, statusChangedAt, publicJwk }) => ({
      kid,
      alg,
      status,
      createdAt,
      statusChangedAt,
      publicJwk,
    })),
  };
}

/**
 * Makes a freshly generated key current; the old current key becomes `previous`: it keeps
 * verifying (and stays in the JWKS) until it is retired, so tokens already issued stay valid, but
 * its private part is dropped, since it will never sign again. Works without opening the old
 * private part, so it is also the way out when that part cannot be decrypted (a lost secret).
 */
export function rotateSigningKey(store: Store, now: number, seal: PrivateKeySeal): Promise<SigningKeyChange> {
  return changeSigningKeys(
    store,
    now,
    seal,
    async (keySet) => {
      const fresh = await generateSigningKey(now);
      const keys = keySet.keys.map(({ privateJwk: _neverSignsAgain, ...key }): SigningKeyRecord =>
        key.status === 'current' ? { ...key, status: 'previous', statusChangedAt: now } : key,
      );
      return { ok: true, keySet: { keys: [fresh, ...keys], version: keySet.version + 1 } };
    },
    publicOnly,
  );
}

/**
 * Retires a previous key: it leaves the JWKS and every token it signed fails verification from
 * then on. The current key cannot be retired (rotate first).
 */
export function retireSigningKey(store: Store, kid: string, now: number, seal: PrivateKeySeal): Promise<SigningKeyChange> {
  return changeSigningKeys(
    store,
    now,
    seal,
    async (keySet) => {
      const target = keySet.keys.find((key) => key.kid === kid);
      if (!target) return { ok: false, code: 'unknown_kid', message: `No signing key has kid "${kid}".` };
      if (target.status === 'current')
        return { ok: false, code: 'key_is_current', message: 'The current key signs new tokens; rotate first, then retire it.' };
      const keys = keySet.keys.map((key): SigningKeyRecord =>
        key.kid !== kid || key.status === 'retired' ? key : { ...key, status: 'retired', statusChangedAt: now },
      );
      return { ok: true, keySet: { keys, version: keySet.version + 1 } };
    },
    // The current key signs on after a retire, so its private part must open (and is sealed again).
    (stored) => openSigningKeySet(stored, seal),
  );
}

/** The keys for the admin console, newest first, without private parts. */
export function listSigningKeys(keySet: SigningKeySet): SigningKeySummary[] {
  return [...keySet.keys]
    .sort((a, b) => b.createdAt - a.createdAt)
    .map(({ kid, alg, status, createdAt, statusChangedAt }) => ({ kid, alg, status, createdAt, statusChangedAt }));
}

/** The JSON Web Key Set: public parts of every key that still verifies (current and previous). */
export function buildJwks(keySet: SigningKeySet): { keys: PublicJwk[] } {
  return {
    keys: keySet.keys
      .filter((key) => key.status !== 'retired')
      .map(({ publicJwk }) => {
        const { kty, crv, x, y, kid, alg, use } = publicJwk;
        return y === undefined ? { kty, crv, x, kid, alg, use } : { kty, crv, x, y, kid, alg, use };
      }),
  };
}
