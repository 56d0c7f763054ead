import { LAB_KEY_ID, labSigningKey } from '@/lib/lab/lab-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { signLabJwt, verifyLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { readStringField } from '@/lib/lab/lifecycle/read-field';
import { acceptsAs, oneLifetimeClaims } from '@/lib/lab/one-lifetime/one-lifetime-tokens';
import { oneLifetimeProfile } from '@/lib/lab/one-lifetime/stolen-token-worth';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** `{ refresh_token }`: a new access token for the same, unrotated refresh token (see acceptsAs). */
export const POST = labRoute(async ({ ctx }) => {
  const presented = await readStringField(ctx.request, 'refresh_token', 4096);
  if (!presented.ok) return presented;
  const key = { ...(await labSigningKey()), kid: LAB_KEY_ID };
  const verified = await verifyLabJwt(presented.value, key.publicKey, ctx.now);
  if (!verified.ok || !acceptsAs(verified.claims, 'refresh')) return fail('refresh_invalid', 'Not a lab refresh token.');
  const lifetime = oneLifetimeProfile().accessTokenSeconds;
  return ok({
    access_token: await signLabJwt(oneLifetimeClaims('access'), key, lifetime, ctx.now),
    refresh_token: presented.value,
    expires_in: lifetime,
  });
});
