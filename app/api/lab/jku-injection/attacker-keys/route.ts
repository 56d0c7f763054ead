import { ATTACKER_KEYS_PATH, ownLoopbackOrigin } from '@/lib/lab/forgery/case-endpoints';
import { forgeryMaterial } from '@/lib/lab/forgery/lab-material';
import { checkAttackerJwk } from '@/lib/lab/jku-injection/attacker-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { readJson } from '@/lib/server/http/body';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * Case 7's stand-in for the attacker's web server: `{ jwk }` (public) in, the URL of a JWKS holding
 * it out. In memory, bounded and expiring (lib/lab/jku-injection/attacker-keys.ts).
 */
export const POST = labRoute(async ({ ctx }) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const jwk = checkAttackerJwk(typeof body.value === 'object' && body.value !== null ? (body.value as { jwk?: unknown }).jwk : undefined);
  if (!jwk.ok) return fail('bad_request', jwk.message);
  const origin = ownLoopbackOrigin();
  if (origin === null) return fail('not_found', 'This server does not know its own loopback origin, so case 7 cannot run here.');
  const id = forgeryMaterial().attackerKeys.put(jwk.jwk, ctx.now);
  return ok({ id, jku: `${origin}${ATTACKER_KEYS_PATH}/${id}` }, { status: 201 });
});
