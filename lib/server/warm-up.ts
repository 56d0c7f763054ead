import 'server-only';
import { jwtVerify } from 'jose';
import { unsealData } from 'iron-session';
import { measureLibraryCosts } from '@/lib/costs/library-costs';
import { generateOpaqueToken, hashOpaqueToken } from '@/lib/crypto/opaque-token';
import { cookieName } from '@/lib/http/cookies';
import { isSecureContext } from '@/lib/http/secure-context';
import { accessTokenVerifyOptions, signAccessToken } from '@/lib/jwt/access-token';
import { LIBRARY_COST_RUNS, WARM_UP_REQUESTS_PER_ROUTE } from '@/lib/policy';
import { sealSessionId } from '@/lib/session/session-cookie';
import { sessionKey } from '@/lib/session/session';
import type { ServerApp } from './app';

/** Header that marks a request as this process's own warm-up: it publishes no event and is not counted as cold. */
export const WARM_UP_HEADER = 'x-warm-up';

/**
 * Someone no directory knows: the warm-up credentials pass every cryptographic check and then
 * fail on the user, so they exercise the hot path without creating a session or a login anyone
 * could use or see.
 */
const NOBODY = { id: 'usr_warm_up', username: 'warm-up', role: 'user' } as const;

/**
 * Warms this process before it is measured, then measures the library calls alone:
 * 1. the library calls in a loop (first use of each crypto primitive, the store connection, the JIT),
 *    then the same calls timed: what `GET /api/costs` reports as "the library alone";
 * 2. requests to itself through both /me routes, because Next bundles each route apart from this
 *    module (the same library can be a different, still cold, instance there).
 * Requests that begin before this finishes are labelled cold. `origin` is where this server
 * listens; null skips the self-requests (the process is then warmed by its first requests).
 */
export async function warmUpServer(app: ServerApp, origin: string | null): Promise<void> {
  const { config } = app;
  const { ring } = await app.keys.get(app.store);
  const now = app.now();
  const sessionId = generateOpaqueToken();
  const cookie = await sealSessionId(sessionId, config.sessionPasswords, config.sessionAbsoluteTimeoutSeconds);
  const { token } = await signAccessToken({ user: NOBODY, signingKey: ring.signingKey, now, ttlSeconds: 60 });
  const missingSessionKey = sessionKey('user', hashOpaqueToken(sessionId));
  const publicKey = ring.verificationKeys.get(ring.signingKey.kid)!;

  app.costs.library = await measureLibraryCosts(
    {
      unseal: () => unsealData(cookie, { password: config.sessionPasswords, ttl: config.sessionAbsoluteTimeoutSeconds }),
      verify: () => jwtVerify(token, publicKey.key, accessTokenVerifyOptions(publicKey.alg, now)),
      storeGet: () => app.driverStore.get(missingSessionKey),
    },
    { ...LIBRARY_COST_RUNS, clock: () => performance.now(), now: app.now },
  );

  if (origin !== null) {
    const secure = isSecureContext(origin, new URL(origin).host, config.publicOrigin);
    const marker = { [WARM_UP_HEADER]: app.costs.warmUpToken };
    const routes: [string, Record<string, string>][] = [
      ['/api/session/me', { ...marker, cookie: `${cookieName('session', secure)}=${cookie}` }],
      ['/api/jwt/me', { ...marker, authorization: `Bearer ${token}` }],
    ];
    for (let i = 0; i < WARM_UP_REQUESTS_PER_ROUTE; i += 1) {
      for (const [path, headers] of routes) {
        const response = await fetch(new URL(path, origin), { headers, signal: AbortSignal.timeout(5000) });
        await response.arrayBuffer();
      }
    }
  }
  app.costs.warmth.markWarm(app.now());
}
