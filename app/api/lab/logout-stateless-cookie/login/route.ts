import { labSealPassword } from '@/lib/lab/lifecycle/lab-seal-password';
import { labRoute } from '@/lib/lab/lab-route';
import { sealStatelessSession, STATELESS_SESSION_TTL_SECONDS } from '@/lib/lab/logout-stateless-cookie/stateless-session';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * Weak lab login (no password: the case is about logout): seals alice herself into the cookie.
 * The value is also returned, standing in for the learner copying it from the browser's tools.
 */
export const POST = labRoute(async ({ ctx }) => {
  const user = { username: 'alice', role: 'user', loggedInAt: ctx.now } as const;
  const seal = await sealStatelessSession(user, labSealPassword());
  return {
    ...ok({ user, cookie: seal }),
    labCookies: [{ purpose: 'statelessSession', value: seal, maxAgeSeconds: STATELESS_SESSION_TTL_SECONDS }],
  };
});
