import { labForeverKey } from '@/lib/lab/key-rotation/lab-forever-key';
import { labRoute } from '@/lib/lab/lab-route';
import { verifyLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Who am I, by a Bearer token checked against the one forever key. */
export const GET = labRoute(async ({ ctx }) => {
  const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(ctx.request.headers.get('authorization') ?? '')?.[1];
  if (token === undefined) return fail('unauthenticated', 'Send the lab token as Authorization: Bearer.');
  const verified = await verifyLabJwt(token, (await labForeverKey()).publicKey, ctx.now);
  if (!verified.ok) return fail('invalid_token', `Lab token refused: ${verified.reason}.`);
  return ok({ user: { username: verified.claims.username }, key: 'the one key this lab has ever had' });
});
