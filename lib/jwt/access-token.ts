/**
 * Access tokens: short-lived JWTs signed with an asymmetric key, verified locally with no store
 * lookup. Verification is strict on purpose: the algorithm comes from our key, not from the token;
 * issuer, audience and `typ` are pinned; `exp`, `iat`, `sub` and `jti` are required; token age is
 * bounded; the key is chosen by `kid` from our own key ring only. Every failure is a value with a
 * code (`token_expired` or `invalid_token`), never an exception.
 */
import { decodeProtectedHeader, jwtVerify, SignJWT, type JWTVerifyOptions } from 'jose';
import { generateIdentifier } from '@/lib/crypto/opaque-token';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';
import type { Role, User } from '@/lib/users/users';
import type { SigningKey, VerificationKey } from './key-ring';
import { isWellFormedKid } from './kid';

export const ACCESS_TOKEN_ISSUER = 'session-vs-jwt';
export const ACCESS_TOKEN_AUDIENCE = 'session-vs-jwt-api';
/** RFC 9068 type, so an ID token or some other JWT signed by the same key is not accepted here. */
const ACCESS_TOKEN_TYPE = 'at+jwt';
/**
 * Tokens longer than this are refused before any parsing: ours are about 450 bytes, and decoding
 * an attacker's megabyte of base64 (header, JSON, signature) is work nobody should do for free.
 */
export const MAX_ACCESS_TOKEN_BYTES = 2048;

/** Header parameters that would let the token choose its own key: never honoured, always refused. */
const KEY_CHOOSING_HEADERS = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256'] as const;
const COMPACT_JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export interface AccessTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  username: string;
  role: Role;
  jti: string;
  iat: number;
  exp: number;
}

export interface AccessTokenHeader {
  alg: string;
  kid: string;
  typ: string;
}

export interface SignedAccessToken {
  token: string;
  claims: AccessTokenClaims;
  header: AccessTokenHeader;
}

export type AccessTokenVerification =
  | { ok: true; user: User; claims: AccessTokenClaims; header: AccessTokenHeader }
  | {
      ok: false;
      code: 'invalid_token' | 'token_expired';
      /** For logs and the dashboard; never shown with the token itself. */
      reason: string;
      /** Set when the token names a well-formed `kid` this key ring does not know (maybe a key rotated on another instance). */
      unknownKid?: string;
    };

/**
 * Signs an access token for `user`, valid for `ttlSeconds` from `now`.
 *
 * @example
 * const { token } = await signAccessToken({ user, signingKey: ring.signingKey, now: Date.now(), ttlSeconds: 900 });
 */
export async function signAccessToken(input: {
  user: User;
  signingKey: SigningKey;
  now: number;
  ttlSeconds: number;
  jti?: string;
}): Promise<SignedAccessToken> {
  const iat = Math.floor(input.now / 1000);
  const claims: AccessTokenClaims = {
    iss: ACCESS_TOKEN_ISSUER,
    aud: ACCESS_TOKEN_AUDIENCE,
    sub: input.user.id,
    username: input.user.username,
    role: input.user.role,
    jti: input.jti ?? generateIdentifier(),
    iat,
    exp: iat + input.ttlSeconds,
  };
  const header: AccessTokenHeader = { alg: input.signingKey.alg, kid: input.signingKey.kid, typ: ACCESS_TOKEN_TYPE };
  const token = await new SignJWT({ username: claims.username, role: claims.role })
    .setProtectedHeader({ ...header })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(input.signingKey.key);
  return { token, claims, header };
}

function reject(code: 'invalid_token' | 'token_expired', reason: string, unknownKid?: string): AccessTokenVerification {
  return unknownKid === undefined ? { ok: false, code, reason } : { ok: false, code, reason, unknownKid };
}

/**
 * What jose checks for one of our access tokens, besides the signature: the algorithm pinned to the
 * key's, issuer, audience, `typ`, the required claims, the maximum age and the clock tolerance.
 * The one copy: the verifier, the start-up measurement of jose alone and the bench's minimal route
 * (lib/bench/minimal-jwt.ts) all use it.
 */
export function accessTokenVerifyOptions(alg: string, now: number): JWTVerifyOptions {
  return {
    algorithms: [alg],
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    typ: ACCESS_TOKEN_TYPE,
    requiredClaims: ['exp', 'iat', 'sub', 'jti'],
    maxTokenAge: MAX_ACCESS_TOKEN_AGE_SECONDS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    currentDate: new Date(now),
  };
}

/**
 * Verifies an access token at time `now` with keys from `resolveKey` (our own key ring, by `kid`).
 *
 * @example
 * const result = await verifyAccessToken(token, { resolveKey: (kid) => ring.verificationKeys.get(kid), now: Date.now() });
 * if (!result.ok) return unauthorized(result.code);
 */
export async function verifyAccessToken(
  token: string,
  options: { resolveKey: (kid: string) => VerificationKey | undefined; now: number },
): Promise<AccessTokenVerification> {
  if (token.length > MAX_ACCESS_TOKEN_BYTES) return reject('invalid_token', `longer than ${MAX_ACCESS_TOKEN_BYTES} bytes`);
  if (!COMPACT_JWS_PATTERN.test(token)) return reject('invalid_token', 'not a compact JWS');
  try {
    const header = decodeProtectedHeader(token);
    for (const name of KEY_CHOOSING_HEADERS) {
      if (name in header) return reject('invalid_token', `carries a "${name}" header; keys come from our JWKS only`);
    }
    if (!isWellFormedKid(header.kid)) return reject('invalid_token', 'missing or malformed kid');
    const key = options.resolveKey(header.kid);
    if (!key) return reject('invalid_token', 'unknown or retired kid', header.kid);
    // The algorithm is the key's, never the token's: "alg": "none" or HS256-with-the-public-key fail here.
    const { payload, protectedHeader } = await jwtVerify(token, key.key, accessTokenVerifyOptions(key.alg, options.now));
    const { sub, jti, iat, exp, username, role } = payload;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
      return reject('invalid_token', 'registered claims have the wrong types');
    }
    if (typeof username !== 'string' || (role !== 'user' && role !== 'admin')) return reject('invalid_token', 'username or role missing');
    // We never sign a token that lives longer than the longest lifetime; one that claims to was not
    // made by this app's signing code (a leaked key, a test key in production), so it is refused
    // outright rather than honoured for the hour that maxTokenAge alone would allow.
    if (exp - iat > MAX_ACCESS_TOKEN_AGE_SECONDS) return reject('invalid_token', 'lifetime longer than any token this app issues');
    return {
      ok: true,
      user: { id: sub, username, role },
      claims: { iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, sub, username, role, jti, iat, exp },
      header: { alg: protectedHeader.alg ?? key.alg, kid: key.kid, typ: ACCESS_TOKEN_TYPE },
    };
  } catch (error) {
    // jose throws typed errors with a stable `code`, but some key/alg mismatches are a plain
    // TypeError, and class names are minified in production: branch on `code` only.
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (code === 'ERR_JWT_EXPIRED') return reject('token_expired', error instanceof Error ? error.message : 'expired');
    return reject('invalid_token', typeof code === 'string' ? code : 'malformed token');
  }
}
