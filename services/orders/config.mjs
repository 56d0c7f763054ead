// @ts-check
/**
 * The orders service's configuration, parsed once from the environment by server.mjs. Pure: the
 * environment arrives as a parameter, so tests parse a plain object. A wrong value throws with a
 * message that says what to set instead; nothing falls back silently.
 */

/** The app's issuer and audience (lib/jwt/access-token.ts); a unit test keeps the two in step. */
export const DEFAULT_ISSUER = 'session-vs-jwt';
export const DEFAULT_AUDIENCE = 'session-vs-jwt-api';
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4100;
const DEFAULT_CACHE_WINDOW_SECONDS = 60;
/**
 * How soon after a fetch a token with an unknown `kid` may trigger another one. 10 s: a rotated-in
 * key is seen within 10 s of the previous fetch at worst, and a flood of tokens with made-up kids
 * costs the app at most one JWKS request per 10 s, not one per request.
 */
const DEFAULT_COOLDOWN_SECONDS = 10;
/** A day: a key set cached longer would keep a retired key alive for a day, which no rotation plan wants. */
const MAX_CACHE_WINDOW_SECONDS = 86_400;

/**
 * @typedef {object} OrdersConfig
 * @property {string} host
 * @property {number} port 0 picks a free port (tests); the ready line prints the real one.
 * @property {URL} jwksUrl The app's /.well-known/jwks.json as this service reaches it.
 * @property {number} cacheWindowSeconds How long a fetched key set is used before it is fetched again.
 * @property {number} cooldownSeconds Minimum time after a fetch before an unknown kid triggers another.
 * @property {string} issuer
 * @property {string} audience
 */

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {{ min: number, max: number, integer: boolean }} bounds
 * @returns {number}
 */
function readNumber(env, name, fallback, bounds) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  const kind = bounds.integer ? 'an integer' : 'a number';
  if (!Number.isFinite(value) || (bounds.integer && !Number.isInteger(value)) || value < bounds.min || value > bounds.max) {
    throw new Error(`${name} must be ${kind} from ${bounds.min} to ${bounds.max} (got "${raw}")`);
  }
  return value;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {string} fallback
 * @returns {string}
 */
function readText(env, name, fallback) {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? fallback : raw;
}

/**
 * Parses and checks the service's environment.
 *
 * @example
 * const config = readOrdersConfig({ ORDERS_JWKS_URL: 'http://127.0.0.1:3000/.well-known/jwks.json' });
 * @param {Record<string, string | undefined>} env
 * @returns {OrdersConfig}
 */
export function readOrdersConfig(env) {
  const rawJwksUrl = env.ORDERS_JWKS_URL?.trim();
  if (!rawJwksUrl) {
    throw new Error(
      "ORDERS_JWKS_URL is required: the app's key set as this service reaches it, e.g. ORDERS_JWKS_URL=http://127.0.0.1:3000/.well-known/jwks.json",
    );
  }
  /** @type {URL} */
  let jwksUrl;
  try {
    jwksUrl = new URL(rawJwksUrl);
  } catch {
    throw new Error(`ORDERS_JWKS_URL must be an absolute http(s) URL (got "${rawJwksUrl}")`);
  }
  if (jwksUrl.protocol !== 'http:' && jwksUrl.protocol !== 'https:') {
    throw new Error(`ORDERS_JWKS_URL must use http or https (got "${jwksUrl.protocol}")`);
  }
  if (jwksUrl.username || jwksUrl.password) {
    throw new Error('ORDERS_JWKS_URL must not carry credentials: a JWKS is public by design');
  }
  const cacheWindowSeconds = readNumber(env, 'ORDERS_JWKS_CACHE_SECONDS', DEFAULT_CACHE_WINDOW_SECONDS, {
    min: 1,
    max: MAX_CACHE_WINDOW_SECONDS,
    integer: false,
  });
  const cooldownSeconds = readNumber(env, 'ORDERS_JWKS_COOLDOWN_SECONDS', Math.min(DEFAULT_COOLDOWN_SECONDS, cacheWindowSeconds), {
    min: 0,
    max: cacheWindowSeconds,
    integer: false,
  });
  return {
    host: readText(env, 'ORDERS_HOST', DEFAULT_HOST),
    port: readNumber(env, 'ORDERS_PORT', DEFAULT_PORT, { min: 0, max: 65_535, integer: true }),
    jwksUrl,
    cacheWindowSeconds,
    cooldownSeconds,
    issuer: readText(env, 'ORDERS_ISSUER', DEFAULT_ISSUER),
    audience: readText(env, 'ORDERS_AUDIENCE', DEFAULT_AUDIENCE),
  };
}
