// @ts-check
/**
 * Verifies one of the app's access tokens with nothing but its public key set: the same rules as
 * the app (lib/jwt/access-token.ts), none of its code. Every failure is a value with a code.
 */
import { jwtVerify } from 'jose';

/** The app's limits (lib/jwt/access-token.ts, lib/policy.ts); a unit test keeps them in step. */
export const MAX_ACCESS_TOKEN_BYTES = 2048;
export const MAX_ACCESS_TOKEN_AGE_SECONDS = 3600;
export const CLOCK_TOLERANCE_SECONDS = 5;
const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Only asymmetric algorithms: "none" and HS256 (a MAC keyed with our public key) are refused before any key is looked up. */
const ALGORITHMS = ['EdDSA', 'ES256'];
const COMPACT_JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const KID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** Header parameters that would let the token bring or point at its own key. */
const KEY_CHOOSING_HEADERS = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256'];

/**
 * @typedef {'missing_token' | 'session_cookie_not_accepted' | 'invalid_token' | 'token_expired' | 'unknown_key' | 'jwks_unavailable'} RefusalCode
 */

/**
 * @typedef {{ ok: true, user: { id: string, username: string, role: 'user' | 'admin' }, token: { kid: string, alg: string, jti: string, issuedAt: number, expiresAt: number } }
 *   | { ok: false, code: Exclude<RefusalCode, 'missing_token' | 'session_cookie_not_accepted'>, reason: string }} Verification
 */

/** A refusal found before jose runs, carried through jose's key resolver by its code. */
class TokenHeaderError extends Error {
  code = 'ERR_ORDERS_TOKEN_HEADER';
}

/**
 * jose's error codes mapped to this service's. Anything not listed is `invalid_token`.
 * @type {Readonly<Record<string, Exclude<RefusalCode, 'missing_token' | 'session_cookie_not_accepted'>>>}
 */
const CODE_FOR_JOSE_ERROR = {
  ERR_JWT_EXPIRED: 'token_expired',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown_key',
  ERR_ORDERS_JWKS_UNAVAILABLE: 'jwks_unavailable',
  ERR_JWKS_TIMEOUT: 'jwks_unavailable',
  ERR_JWKS_INVALID: 'jwks_unavailable',
};

/**
 * @param {Exclude<RefusalCode, 'missing_token' | 'session_cookie_not_accepted'>} code
 * @param {string} reason
 * @returns {Verification}
 */
function refuse(code, reason) {
  return { ok: false, code, reason };
}

/**
 * Builds the verifier for one issuer and audience over a key resolver (the remote JWKS).
 *
 * @example
 * const verify = createAccessTokenVerifier({ getKey: keySource.getKey, issuer, audience });
 * const result = await verify(token);
 * @param {{ getKey: import('jose').JWTVerifyGetKey, issuer: string, audience: string }} options
 * @returns {(token: string) => Promise<Verification>}
 */
export function createAccessTokenVerifier(options) {
  /** @type {import('jose').JWTVerifyGetKey} */
  const getKey = (header, token) => {
    for (const name of KEY_CHOOSING_HEADERS) {
      if (name in header) throw new TokenHeaderError(`carries a "${name}" header; keys come from the JWKS only`);
    }
    // Without a kid jose would try whichever published key fits the algorithm; the app always sets one.
    if (typeof header.kid !== 'string' || !KID_PATTERN.test(header.kid)) throw new TokenHeaderError('missing or malformed kid');
    return options.getKey(header, token);
  };
  /** @type {import('jose').JWTVerifyOptions} */
  const verifyOptions = {
    algorithms: ALGORITHMS,
    issuer: options.issuer,
    audience: options.audience,
    typ: ACCESS_TOKEN_TYPE,
    requiredClaims: ['exp', 'iat', 'sub', 'jti'],
    maxTokenAge: MAX_ACCESS_TOKEN_AGE_SECONDS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };

  return async function verifyAccessToken(token) {
    if (token.length > MAX_ACCESS_TOKEN_BYTES) return refuse('invalid_token', `longer than ${MAX_ACCESS_TOKEN_BYTES} bytes`);
    if (!COMPACT_JWS_PATTERN.test(token)) return refuse('invalid_token', 'not a compact JWS');
    try {
      const { payload, protectedHeader } = await jwtVerify(token, getKey, verifyOptions);
      const { sub, jti, iat, exp, username, role } = payload;
      if (typeof sub !== 'string' || typeof jti !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
        return refuse('invalid_token', 'registered claims have the wrong types');
      }
      if (typeof username !== 'string' || (role !== 'user' && role !== 'admin')) return refuse('invalid_token', 'username or role missing');
      // The app never signs a token that lives longer than its longest lifetime (see lib/jwt/access-token.ts).
      if (exp - iat > MAX_ACCESS_TOKEN_AGE_SECONDS) return refuse('invalid_token', 'lifetime longer than any token the app issues');
      return {
        ok: true,
        user: { id: sub, username, role },
        token: { kid: String(protectedHeader.kid), alg: protectedHeader.alg, jti, issuedAt: iat, expiresAt: exp },
      };
    } catch (error) {
      // Branch on jose's stable `code`, never on class names (minified in some builds); some
      // key/alg mismatches are a plain TypeError with no code: invalid_token too.
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      const reason = error instanceof Error ? error.message : 'malformed token';
      if (code === 'ERR_JWKS_NO_MATCHING_KEY')
        return refuse('unknown_key', 'no key in the JWKS has this kid (rotated too recently, or retired)');
      return refuse((typeof code === 'string' && CODE_FOR_JOSE_ERROR[code]) || 'invalid_token', reason);
    }
  };
}
