// @ts-check
/**
 * The orders service's HTTP server: `GET /orders` for the signed-in user's orders, verified with
 * the app's public keys alone, and `GET /orders/health`. Plain node:http, no framework: it is
 * benchmarked against a Next route, and every layer would show in the figures.
 */
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { readCredential } from './credential.mjs';
import { createJwksKeySource } from './jwks.mjs';
import { listOrdersForUser } from './orders.mjs';
import { createAccessTokenVerifier } from './verify-access-token.mjs';

/** Every answer carries these: the dashboard shows where a request landed, and nothing is cached. */
const COMMON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Instance': 'orders' };
const STATUS_FOR_CODE = {
  missing_token: 401,
  session_cookie_not_accepted: 401,
  invalid_token: 401,
  token_expired: 401,
  unknown_key: 401,
  // Fails closed: without the key set nothing can be verified, and "try again" is the honest answer.
  jwks_unavailable: 503,
  method_not_allowed: 405,
  not_found: 404,
  bad_request: 400,
  headers_too_large: 431,
};
/** @typedef {keyof typeof STATUS_FOR_CODE} ErrorCode */

const MESSAGES = {
  missing_token: 'Send the access token as "Authorization: Bearer <token>" or in the access-token cookie.',
  session_cookie_not_accepted:
    "A session cookie is a sealed handle to a session record that only the app's store can resolve; this service has no store and no session password, so it accepts access tokens only.",
  malformed_authorization: 'The Authorization header must be "Bearer <access token>".',
  invalid_token: 'The access token is not valid for this service.',
  token_expired: 'The access token has expired; refresh it with the app and try again.',
  unknown_key: "The token's signing key is not in the app's published key set (retired, or too new for this service's cached copy).",
  jwks_unavailable: "The app's key set cannot be fetched right now, so no token can be verified; try again shortly.",
  method_not_allowed: 'Only GET is supported here.',
  not_found: 'Nothing here: try GET /orders or GET /orders/health.',
};

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [extraHeaders]
 */
function sendJson(response, status, body, extraHeaders) {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Length': Buffer.byteLength(text), ...extraHeaders });
  response.end(text);
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {ErrorCode} code
 * @param {string} message
 * @param {Record<string, string>} [extraHeaders]
 */
function sendError(response, code, message, extraHeaders) {
  sendJson(response, STATUS_FOR_CODE[code], { error: code, message }, extraHeaders);
}

/**
 * @typedef {object} OrdersService
 * @property {import('node:http').Server} server Not listening yet: the caller picks host and port.
 * @property {() => import('./jwks.mjs').JwksStats} jwksStats
 */

/**
 * Builds the service for one configuration.
 *
 * @example
 * const { server } = createOrdersService(readOrdersConfig(process.env));
 * server.listen(4100, '127.0.0.1');
 * @param {import('./config.mjs').OrdersConfig} config
 * @returns {OrdersService}
 */
export function createOrdersService(config) {
  const keySource = createJwksKeySource(config);
  const verifyAccessToken = createAccessTokenVerifier({ getKey: keySource.getKey, issuer: config.issuer, audience: config.audience });

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  async function answerOrders(request, response) {
    const credential = readCredential(request.headers.authorization, request.headers.cookie);
    if (credential.kind === 'none') {
      sendError(response, 'missing_token', MESSAGES.missing_token, { 'WWW-Authenticate': 'Bearer realm="orders"' });
      return;
    }
    if (credential.kind === 'session-cookie-only') {
      sendError(response, 'session_cookie_not_accepted', MESSAGES.session_cookie_not_accepted, {
        'WWW-Authenticate': 'Bearer realm="orders"',
      });
      return;
    }
    if (credential.kind === 'malformed-authorization') {
      sendError(response, 'invalid_token', MESSAGES.malformed_authorization, {
        'WWW-Authenticate': 'Bearer realm="orders", error="invalid_request"',
      });
      return;
    }
    const started = performance.now();
    const result = await verifyAccessToken(credential.token);
    const serverTiming = `verify;dur=${(performance.now() - started).toFixed(2)}`;
    if (!result.ok) {
      /** @type {Record<string, string>} */
      const headers =
        result.code === 'jwks_unavailable'
          ? { 'Server-Timing': serverTiming, 'Retry-After': '1' }
          : { 'Server-Timing': serverTiming, 'WWW-Authenticate': 'Bearer realm="orders", error="invalid_token"' };
      sendError(response, result.code, `${MESSAGES[result.code]} (${result.reason})`, headers);
      return;
    }
    sendJson(
      response,
      200,
      {
        user: result.user,
        orders: listOrdersForUser(result.user.id),
        token: { ...result.token, from: credential.from },
        verifiedWith: 'jwks',
      },
      { 'Server-Timing': serverTiming },
    );
  }

  /**
   * @param {import('node:http').ServerResponse} response
   */
  function answerHealth(response) {
    const stats = keySource.stats();
    sendJson(response, 200, {
      status: 'ok',
      service: 'orders',
      jwksUrl: config.jwksUrl.href,
      jwksFetches: stats.fetches,
      jwksFailedFetches: stats.failedFetches,
      jwksFetchedAt: stats.lastFetchedAt,
      cachedKeyIds: stats.cachedKeyIds,
      cacheWindowSeconds: config.cacheWindowSeconds,
      cooldownSeconds: config.cooldownSeconds,
      issuer: config.issuer,
      audience: config.audience,
    });
  }

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path !== '/orders' && path !== '/orders/health') {
      sendError(response, 'not_found', MESSAGES.not_found);
      return;
    }
    if (request.method !== 'GET') {
      sendError(response, 'method_not_allowed', MESSAGES.method_not_allowed, { Allow: 'GET' });
      return;
    }
    if (path === '/orders/health') {
      answerHealth(response);
      return;
    }
    answerOrders(request, response).catch((error) => {
      // Not reached by any input we know of (verification returns values); if it is, the request
      // still gets a JSON answer and the operator a log line, not a hung socket.
      console.error('orders: unexpected failure', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal_error', message: 'Unexpected failure; see the service log.' });
      else response.destroy();
    });
  });

  // Requests Node refuses before our handler runs (a header larger than --max-http-header-size,
  // a malformed request line) get JSON too, instead of Node's bare status line.
  server.on('clientError', (error, socket) => {
    const code = /** @type {{ code?: string }} */ (error).code;
    // A reset connection has nobody left to answer (Node's documented pattern).
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify(
      tooLarge
        ? { error: 'headers_too_large', message: 'The request headers are larger than this service accepts.' }
        : { error: 'bad_request', message: 'The request could not be parsed as HTTP.' },
    );
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nX-Instance: orders\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  return { server, jwksStats: keySource.stats };
}
