import { labSealPassword } from '@/lib/lab/lifecycle/lab-seal-password';
import { readStringField } from '@/lib/lab/lifecycle/read-field';
import { labRoute } from '@/lib/lab/lab-route';
import { verifyStatelessSession } from '@/lib/lab/logout-stateless-cookie/stateless-session';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** `{ cookie }`: a copied lab cookie, presented as an attacker would. The weak check opens the seal and believes it. */
export const POST = labRoute(async ({ ctx }) => {
  const cookie = await readStringField(ctx.request, 'cookie', 4096);
  if (!cookie.ok) return cookie;
  const user = await verifyStatelessSession(cookie.value.trim(), labSealPassword());
  if (user === null) return fail('session_invalid', 'That is not a lab session seal (or it was edited).');
  return ok({ user, note: 'Accepted after logout: the seal is the session, and nothing on the server ended it.' });
});
