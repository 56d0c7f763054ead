/**
 * Signing keys for access tokens: generated once and kept in the store (so every instance signs
 * and verifies with the same keys), or given by configuration (JWT_PRIVATE_KEYS). Pure: the
 * store and `now` are parameters. Private keys never leave the server; `buildJwks` exports only
 * the public parts.
 *
 * Lifecycle of a key: `current` (signs new tokens) -> `previous` (still verifies tokens it signed,
 * still published in the JWKS) -> `retired` (gone from the JWKS, its tokens fail, its private part
 * is deleted). Retire a previous key once the longest access-token lifetime has passed since it
 * stopped signing, or at once to cut off a compromised key.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { Store } from '@/lib/store/store';
import { isWellFormedKid } from './kid';

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
  /** Absent once retired: a retired key must never sign again. */
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

/** Configured private JWKs: the first one signs, the others only verify. */
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
    return {
      kid: jwk.kid,
      alg,
      status: index === 0 ? 'current' : 'previous',
      createdAt: now,
      statusChangedAt: now,
      privateJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d },
      publicJwk,
    };
  });
  return { keys, version: 1 };
}

/** Validates a key set read back from the store; anything odd is a configuration problem, not a token problem. */
function parseSigningKeySet(raw: string): SigningKeySet {
  const parsed = JSON.parse(raw) as Partial<SigningKeySet> | null;
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
  return parsed as SigningKeySet;
}

/**
 * Reads the shared key set, creating it on first use. Two instances starting at once both
 * generate a key, but `onlyIfAbsent` lets exactly one write it and the other adopts the winner's,
 * so every instance signs with the same key.
 */
export async function loadSigningKeys(store: Store, now: number): Promise<SigningKeySet> {
  const existing = await store.get(SIGNING_KEYS_KEY);
  if (existing !== null) return parseSigningKeySet(existing);
  const created: SigningKeySet = { keys: [await generateSigningKey(now)], version: 1 };
  if (await store.set(SIGNING_KEYS_KEY, JSON.stringify(created), { onlyIfAbsent: true })) return created;
  const winner = await store.get(SIGNING_KEYS_KEY);
  if (winner === null) throw new Error(`${SIGNING_KEYS_KEY} vanished right after another instance created it`);
  return parseSigningKeySet(winner);
}

async function changeSigningKeys(
  store: Store,
  now: number,
  change: (keySet: SigningKeySet) => Promise<SigningKeyChange>,
): Promise<SigningKeyChange> {
  if (!(await store.set(SIGNING_KEYS_LOCK_KEY, String(now), { onlyIfAbsent: true, ttlMs: LOCK_TTL_MS }))) {
    return { ok: false, code: 'busy', message: 'Another key change is in progress; try again in a few seconds.' };
  }
  try {
    const result = await change(await loadSigningKeys(store, now));
    if (result.ok) await store.set(SIGNING_KEYS_KEY, JSON.stringify(result.keySet));
    return result;
  } finally {
    await store.delete(SIGNING_KEYS_LOCK_KEY);
  }
}

/**
 * Makes a freshly generated key current; the old current key becomes `previous` and keeps
 * verifying (and stays in the JWKS) until it is retired, so tokens already issued stay valid.
 */
export function rotateSigningKey(store: Store, now: number): Promise<SigningKeyChange> {
  return changeSigningKeys(store, now, async (keySet) => {
    const fresh = await generateSigningKey(now);
    const keys = keySet.keys.map((key): SigningKeyRecord =>
      key.status === 'current' ? { ...key, status: 'previous', statusChangedAt: now } : key,
    );
    return { ok: true, keySet: { keys: [fresh, ...keys], version: keySet.version + 1 } };
  });
}

/**
 * Retires a previous key: it leaves the JWKS, its private part is deleted and every token it
 * signed fails verification from then on. The current key cannot be retired (rotate first).
 */
export function retireSigningKey(store: Store, kid: string, now: number): Promise<SigningKeyChange> {
  return changeSigningKeys(store, now, async (keySet) => {
    const target = keySet.keys.find((key) => key.kid === kid);
    if (!target) return { ok: false, code: 'unknown_kid', message: `No signing key has kid "${kid}".` };
    if (target.status === 'current')
      return { ok: false, code: 'key_is_current', message: 'The current key signs new tokens; rotate first, then retire it.' };
    const keys = keySet.keys.map((key): SigningKeyRecord => {
      if (key.kid !== kid || key.status === 'retired') return key;
      const { privateJwk: _dropped, ...publicOnly } = key;
      return { ...publicOnly, status: 'retired', statusChangedAt: now };
    });
    return { ok: true, keySet: { keys, version: keySet.version + 1 } };
  });
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
