import { makeForeverKey } from '@/lib/lab/key-rotation/forever-key';
import { labRoute } from '@/lib/lab/lab-route';
import { verifyLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * What rotating the kid-less key would do, without doing it: the Bearer token is checked against a
 * brand-new key, as every token would be the moment the key is replaced.
 */
export const GET = labRoute(async ({ ctx }) => {
  const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(ctx.request.headers.get('authorization') ?? '')?.[1];
  if (token === undefined) return fail('unauthenticated', 'Send the lab token as Authorization: Bearer.');
  const verified = await verifyLabJwt(token, (await makeForeverKey()).publicKey, ctx.now);
  if (!verified.ok)
    return fail('invalid_token', 'After the swap this token fails, and so does every other one issued before it: everybody is logged out.');
  return ok({ user: { username: verified.claims.username } });
});
