import { verifyLabBearer } from '@/lib/lab/lifecycle/lab-bearer';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Who am I, for a lab Bearer token: whoever presents it is alice, from any machine. */
export const GET = labRoute(async ({ ctx }) => {
  const verified = await verifyLabBearer(ctx.request, ctx.now);
  if (!verified.ok) return fail('invalid_token', `Lab token refused: ${verified.reason}.`);
  return ok({ user: { username: verified.claims.username, role: verified.claims.role }, sub: verified.claims.sub });
});
