import { FIXATION_SESSION_TTL_MS } from '@/lib/lab/session-fixation/fixation-sessions';
import { labFixationSessions } from '@/lib/lab/session-fixation/lab-fixation-sessions';
import { labRoute } from '@/lib/lab/lab-route';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Weak lab login as alice: WRONG ON PURPOSE, it keeps the id the browser came with (see fixation-sessions.ts). */
export const POST = labRoute(async ({ ctx, labCookie }) => {
  const login = labFixationSessions().logIn(labCookie('fixationSession'), 'alice', ctx.now);
  return {
    ...ok({ user: 'alice', id: login.id, kept: login.kept }),
    labCookies: [{ purpose: 'fixationSession', value: login.id, maxAgeSeconds: FIXATION_SESSION_TTL_MS / 1000 }],
  };
});
