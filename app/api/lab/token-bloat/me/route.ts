import { labSigningKey } from '@/lib/lab/lab-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { verifyLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Who am I, by the lab_fat_jwt cookie; says how many bytes of Cookie header the request carried. */
export const GET = labRoute(async ({ ctx, labCookie }) => {
  const token = labCookie('bloatedJwt');
  if (token === null) return fail('unauthenticated', 'No lab_fat_jwt cookie arrived: the browser does not have one.');
  const verified = await verifyLabJwt(token, (await labSigningKey()).publicKey, ctx.now);
  if (!verified.ok) return fail('invalid_token', `Lab token refused: ${verified.reason}.`);
  const extraClaims = Object.keys(verified.claims).filter((claim) => claim.startsWith('perm_')).length;
  return ok({
    user: { username: verified.claims.username },
    extraClaims,
    cookieHeaderBytes: (ctx.request.headers.get('cookie') ?? '').length,
  });
});
