import { FLAGLESS_SESSION_TTL_MS } from '@/lib/lab/cookie-flags/flagless-accounts';
import { labFlaglessAccounts } from '@/lib/lab/cookie-flags/lab-flagless-accounts';
import { labRoute } from '@/lib/lab/lab-route';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * Weak lab login as alice: one session id in two cookies, lab_flagless (no flags at all, so the
 * browser's SameSite default applies) and lab_flagless_none (SameSite=None spelled out).
 */
export const POST = labRoute(async ({ ctx }) => {
  const id = labFlaglessAccounts().open('alice', ctx.now);
  const maxAgeSeconds = FLAGLESS_SESSION_TTL_MS / 1000;
  return {
    ...ok({ user: { username: 'alice' }, balance: 100 }),
    labCookies: [
      { purpose: 'flaglessSession', value: id, maxAgeSeconds },
      { purpose: 'flaglessSessionNone', value: id, maxAgeSeconds },
    ],
  };
});
