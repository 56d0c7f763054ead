// @ts-check
/**
 * The app's public keys, fetched from its JWKS URL with jose's remote key set and cached here.
 *
 * What jose 6's createRemoteJWKSet does (node_modules/jose/dist/webapi/jwks/remote.js), and so
 * what this service does:
 * - The first token fetches the set. Every token after that is verified against the cached copy
 *   with no network call, until the copy is older than `cacheMaxAge` (our cache window). The first
 *   token after that waits for a new fetch; concurrent tokens share that one fetch.
 * - A token whose `kid` is not in the cached copy (`ERR_JWKS_NO_MATCHING_KEY`) triggers one
 *   refetch and one retry, but only when the copy is older than `cooldownDuration`; inside the
 *   cooldown the token is refused at once. Both clocks start at the last successful fetch.
 * - A failed fetch keeps no stale copy: once the window has passed, verification fails until the
 *   JWKS answers again (this service then says 503, see verify-access-token.mjs).
 *
 * So, after the app rotates its signing key, the new key is seen here at the first token that
 * carries it, or at most `cooldown` after the previous fetch. A retired key keeps verifying here
 * until the next fetch: at most the cache window after the previous one (sooner if an unknown
 * kid triggered a refetch in between). With the defaults (60 s window, 10 s cooldown): a rotated
 * key is accepted within 10 s, a retired key is refused within 60 s.
 */
import { createRemoteJWKSet, customFetch } from 'jose';

/** The app is on the same host or LAN: two seconds is generous, and a request waits at most that long for a 503. */
const JWKS_FETCH_TIMEOUT_MS = 2_000;
/**
 * After a failed fetch, further fetches are refused here for this long without touching the
 * network. jose's cooldown runs from the last successful fetch only, so while the app is down
 * every request would otherwise try (and wait for) its own fetch.
 */
const FAILED_FETCH_PAUSE_MS = 1_000;
/** A JWKS with a handful of keys is a few hundred bytes; refuse to parse megabytes. */
const MAX_JWKS_BYTES = 64 * 1024;

/** Thrown (and recognised by its code) when the key set cannot be fetched: the service answers 503. */
class JwksUnavailableError extends Error {
  code = 'ERR_ORDERS_JWKS_UNAVAILABLE';
}

/**
 * @typedef {object} JwksStats
 * @property {number} fetches HTTP requests made to the JWKS URL (successful or not).
 * @property {number} failedFetches
 * @property {number | null} lastFetchedAt Epoch ms of the last successful fetch.
 * @property {string[]} cachedKeyIds
 */

/**
 * @typedef {object} JwksKeySource
 * @property {import('jose').JWTVerifyGetKey} getKey The key resolver jwtVerify calls.
 * @property {() => JwksStats} stats
 */

/**
 * @param {{ jwksUrl: URL, cacheWindowSeconds: number, cooldownSeconds: number }} options
 * @returns {JwksKeySource}
 */
export function createJwksKeySource(options) {
  let fetches = 0;
  let failedFetches = 0;
  /** @type {number | null} */
  let lastFetchedAt = null;
  let pausedUntil = 0;

  /**
   * jose's fetch, wrapped: counts every request and turns every failure (network, status, body)
   * into JwksUnavailableError, so the service can tell "the app is down" from "bad token".
   * @type {import('jose').FetchImplementation}
   */
  async function fetchJwks(url, init) {
    if (Date.now() < pausedUntil) throw new JwksUnavailableError('the JWKS failed a moment ago; not retrying yet');
    fetches += 1;
    try {
      const response = await fetch(url, init);
      const text = await response.text();
      if (response.status !== 200) throw new JwksUnavailableError(`the JWKS answered HTTP ${response.status}`);
      if (text.length > MAX_JWKS_BYTES) throw new JwksUnavailableError(`the JWKS is larger than ${MAX_JWKS_BYTES} bytes`);
      const parsed = JSON.parse(text);
      if (!Array.isArray(parsed?.keys)) throw new JwksUnavailableError('the JWKS has no "keys" array');
      lastFetchedAt = Date.now();
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    } catch (error) {
      failedFetches += 1;
      pausedUntil = Date.now() + FAILED_FETCH_PAUSE_MS;
      if (error instanceof JwksUnavailableError) throw error;
      // A timeout keeps its name so jose reports ERR_JWKS_TIMEOUT; anything else is "unreachable".
      if (error instanceof Error && error.name === 'TimeoutError') throw error;
      throw new JwksUnavailableError(`the JWKS could not be fetched: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const remote = createRemoteJWKSet(options.jwksUrl, {
    cacheMaxAge: options.cacheWindowSeconds * 1000,
    cooldownDuration: options.cooldownSeconds * 1000,
    timeoutDuration: JWKS_FETCH_TIMEOUT_MS,
    [customFetch]: fetchJwks,
  });

  return {
    getKey: remote,
    stats: () => ({
      fetches,
      failedFetches,
      lastFetchedAt,
      cachedKeyIds: (remote.jwks()?.keys ?? []).flatMap((key) => (typeof key.kid === 'string' ? [key.kid] : [])),
    }),
  };
}
