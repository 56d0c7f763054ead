import { forgeryMaterial } from '@/lib/lab/forgery/lab-material';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** One attacker key set, as the attacker's server would publish it. */
export const GET = labRoute<{ id: string }>(async ({ ctx }, { id }) => {
  const jwk = forgeryMaterial().attackerKeys.get(id, ctx.now);
  return jwk === null ? fail('not_found', 'No such attacker key set (they expire after ten minutes).') : ok({ keys: [jwk] });
});
