import { labFlaglessAccounts } from '@/lib/lab/cookie-flags/lab-flagless-accounts';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** The signed-in lab account: balance and every transfer made in its name, with where each came from. */
export const GET = labRoute(async ({ ctx, labCookie }) => {
  const id = labCookie('flaglessSession') ?? labCookie('flaglessSessionNone');
  const account = id === null ? null : labFlaglessAccounts().view(id, ctx.now);
  if (account === null) return fail('unauthenticated', 'Sign in to the lab first.');
  return ok(account);
});
