import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { checkAccessToken } from '@/lib/server/jwt/authenticate';

export const dynamic = 'force-dynamic';

/**
 * Who am I, by access token (cookie or `Authorization: Bearer`). Verified locally: `verify` in
 * Server-Timing and `X-Store-Lookups: 0`, unless the denylist is on (then one lookup, `denylist`).
 * A store outage matters here only with the denylist on (or before the keys first load): 503.
 */
export const GET = route(async (ctx) => {
  const auth = await checkAccessToken(ctx);
  if (!auth.ok) return auth;
  const { user, claims, header } = auth.verified;
  return ok(
    { user, token: { jti: claims.jti, iat: claims.iat, exp: claims.exp, kid: header.kid } },
    { headers: { 'X-Credential-Bytes': String(auth.credentialBytes) } },
  );
});
