import 'server-only';
import { jwtVerify } from 'jose';
import type { TimingPhase } from '@/lib/http/server-timing';
import { accessTokenVerifyOptions } from '@/lib/jwt/access-token';
import type { ServerApp } from '@/lib/server/app';
import { BENCH_ROUTES_OFF_MESSAGE, readReferenceCookie, referenceAnswer, referenceError, timePhase } from './reference-answer';

/**
 * GET /api/bench/minimal/jwt: the least an access-token check can do, for `npm run bench` to hold
 * the app's `/api/jwt/me` against. Only jose `jwtVerify` of the app's token (Bearer or cookie) with
 * the app's current public key and the app's own verify options (`verify`). No route wrapper, no
 * `kid` lookup, no header screening, no user directory, no events.
 */
export async function answerMinimalJwt(request: Request, app: ServerApp): Promise<Response> {
  const { config } = app;
  if (!config.benchRoutes) return referenceError('not_found', BENCH_ROUTES_OFF_MESSAGE);
  const authorization = request.headers.get('authorization');
  const token = authorization?.startsWith('Bearer ')
    ? authorization.slice('Bearer '.length)
    : readReferenceCookie(request, 'accessToken', config);
  if (!token) return referenceError('unauthenticated', 'No access token.');
  // Cached after the first request: no store read on the measured path, as in the app.
  const { ring } = await app.keys.get(app.store);
  const key = ring.verificationKeys.get(ring.signingKey.kid);
  if (key === undefined) return referenceError('internal_error', 'The current signing key has no public part.');
  const phases: TimingPhase[] = [];
  const verified = await timePhase(phases, 'verify', () =>
    jwtVerify(token, key.key, accessTokenVerifyOptions(key.alg, Date.now())).catch(() => null),
  );
  if (verified === null) return referenceError('invalid_token', 'The access token does not verify with the current key.', phases);
  const { payload, protectedHeader } = verified;
  return referenceAnswer(
    {
      user: { id: payload.sub, username: payload.username, role: payload.role },
      token: { jti: payload.jti, iat: payload.iat, exp: payload.exp, kid: protectedHeader.kid },
    },
    phases,
  );
}
