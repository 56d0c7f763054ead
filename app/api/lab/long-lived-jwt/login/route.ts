import { LAB_KEY_ID, labSigningKey } from '@/lib/lab/lab-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { signLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { LONG_LIVED_TOKEN_LIFETIME_SECONDS } from '@/lib/lab/long-lived-jwt/long-lived-token';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Weak lab login as alice: one JWT, valid for a week, and no refresh token at all. */
export const POST = labRoute(async ({ ctx }) => {
  const key = await labSigningKey();
  const token = await signLabJwt(
    { sub: 'alice', username: 'alice', role: 'user' },
    { ...key, kid: LAB_KEY_ID },
    LONG_LIVED_TOKEN_LIFETIME_SECONDS,
    ctx.now,
  );
  return {
    ...ok({ expiresInSeconds: LONG_LIVED_TOKEN_LIFETIME_SECONDS }),
    labCookies: [{ purpose: 'longLivedJwt', value: token, maxAgeSeconds: LONG_LIVED_TOKEN_LIFETIME_SECONDS }],
  };
});
