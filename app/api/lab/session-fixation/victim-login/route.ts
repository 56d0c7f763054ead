import { labFixationSessions } from '@/lib/lab/session-fixation/lab-fixation-sessions';
import { labRoute } from '@/lib/lab/lab-route';
import { noContent } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Somebody else (alice, in another browser) signs in to the weak site; the attacker sees nothing of it. */
export const POST = labRoute(async ({ ctx }) => {
  labFixationSessions().logIn(null, 'alice', ctx.now);
  return noContent();
});
