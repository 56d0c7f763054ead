import { LAB_KEY_ID, labSigningKey } from '@/lib/lab/lab-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { signLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { oneLifetimeClaims } from '@/lib/lab/one-lifetime/one-lifetime-tokens';
import { oneLifetimeProfile } from '@/lib/lab/one-lifetime/stolen-token-worth';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Weak lab login as alice (JSON, like the real /api/jwt/token): an access and a refresh token with one lifetime. */
export const POST = labRoute(async ({ ctx }) => {
  const key = { ...(await labSigningKey()), kid: LAB_KEY_ID };
  const lifetime = oneLifetimeProfile().accessTokenSeconds;
  return ok({
    access_token: await signLabJwt(oneLifetimeClaims('access'), key, lifetime, ctx.now),
    refresh_token: await signLabJwt(oneLifetimeClaims('refresh'), key, lifetime, ctx.now),
    expires_in: lifetime,
  });
});
