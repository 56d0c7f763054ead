import { WEAK_VERIFIERS } from '@/lib/lab/forgery/case-endpoints';
import { checkWithWeakVerifier } from '@/lib/lab/forgery/weak-endpoint';
import { labRoute } from '@/lib/lab/lab-route';

export const dynamic = 'force-dynamic';

/** Lab case: who am I, by a Bearer token, to a verifier that decodes the payload and never checks the signature (weak on purpose). */
export const GET = labRoute(async ({ ctx }) =>
  checkWithWeakVerifier(ctx.request, (token) => WEAK_VERIFIERS['unverified-claims'](token, ctx)),
);
