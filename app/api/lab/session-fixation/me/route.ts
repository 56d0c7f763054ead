import { labFixationSessions } from '@/lib/lab/session-fixation/lab-fixation-sessions';
import { readStringField } from '@/lib/lab/lifecycle/read-field';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** `{ id }`: the attacker presents a session id (planted or guessed) from their own browser. */
export const POST = labRoute(async ({ ctx }) => {
  const id = await readStringField(ctx.request, 'id', 40);
  if (!id.ok) return id;
  const username = labFixationSessions().userOf(id.value, ctx.now);
  if (username === null) return fail('session_invalid', 'No signed-in lab session has that id.');
  return ok({ user: { username }, id: id.value });
});
