import { labRoute } from '@/lib/lab/lab-route';
import { verifyLabBearer } from '@/lib/lab/lifecycle/lab-bearer';
import { secondsLeft } from '@/lib/lab/long-lived-jwt/long-lived-token';
import { acceptsAs } from '@/lib/lab/one-lifetime/one-lifetime-tokens';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Who am I, by a one-lifetime lab access token in `Authorization: Bearer`. */
export const GET = labRoute(async ({ ctx }) => {
  const verified = await verifyLabBearer(ctx.request, ctx.now);
  if (!verified.ok || !acceptsAs(verified.claims, 'access')) return fail('invalid_token', 'Not a lab access token.');
  return ok({ user: { username: verified.claims.username }, secondsLeft: secondsLeft(verified.claims, ctx.now) });
});
