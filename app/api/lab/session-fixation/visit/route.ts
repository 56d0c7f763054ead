import { labRoute } from '@/lib/lab/lab-route';
import { labFixationSessions } from '@/lib/lab/session-fixation/lab-fixation-sessions';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** The attacker's own anonymous visit to the weak site: a fresh, not signed-in id, handed over in the body. */
export const POST = labRoute(async ({ ctx }) => ok({ id: labFixationSessions().visit(ctx.now) }));
