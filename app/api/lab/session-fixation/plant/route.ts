import { FIXATION_SESSION_TTL_MS } from '@/lib/lab/session-fixation/fixation-sessions';
import { parseGuessableId } from '@/lib/lab/session-fixation/guessable-ids';
import { readStringField } from '@/lib/lab/lifecycle/read-field';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, noContent } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * `{ id }`: puts an id into this browser's lab_fixation_sid cookie. Stands in for the ways an
 * attacker plants one: a link carrying the id, or a cookie set from a sibling subdomain.
 */
export const POST = labRoute(async ({ ctx }) => {
  const id = await readStringField(ctx.request, 'id', 40);
  if (!id.ok) return id;
  if (parseGuessableId(id.value) === null) return fail('bad_request', 'Expected a lab session id such as sid-1001-1700000000.');
  return { ...noContent(), labCookies: [{ purpose: 'fixationSession', value: id.value, maxAgeSeconds: FIXATION_SESSION_TTL_MS / 1000 }] };
});
