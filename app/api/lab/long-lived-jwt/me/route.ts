import { labSigningKey } from '@/lib/lab/lab-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { verifyLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { isStillAllowed, secondsLeft } from '@/lib/lab/long-lived-jwt/long-lived-token';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Who am I, by the week-long lab token: the token alone decides (see isStillAllowed). */
export const GET = labRoute(async ({ ctx, labCookie }) => {
  const token = labCookie('longLivedJwt');
  if (token === null) return fail('unauthenticated', 'No lab_long_jwt cookie: sign in to the lab first.');
  const verified = await verifyLabJwt(token, (await labSigningKey()).publicKey, ctx.now);
  if (!verified.ok || !isStillAllowed(verified)) return fail('invalid_token', 'Lab token refused.');
  return ok({
    user: { username: verified.claims.username, role: verified.claims.role },
    secondsLeft: secondsLeft(verified.claims, ctx.now),
  });
});
