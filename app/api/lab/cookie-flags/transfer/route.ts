import { parseTransferForm } from '@/lib/lab/cookie-flags/flagless-accounts';
import { labFlaglessAccounts } from '@/lib/lab/cookie-flags/lab-flagless-accounts';
import { withoutOriginCheck } from '@/lib/lab/cookie-flags/without-origin-check';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * The weak state-changing endpoint: a form post (`to`, `amount`) moves alice's lab money on the
 * strength of the flagless cookie alone, from any site (see FlaglessAccounts.transfer).
 */
export const POST = withoutOriginCheck(
  labRoute(async ({ ctx, labCookie }) => {
    const form = parseTransferForm(await ctx.request.text());
    if (form === null) return fail('bad_request', 'Expected a form with to (letters, digits) and amount (1 to 1000).');
    const plain = labCookie('flaglessSession');
    const none = labCookie('flaglessSessionNone');
    const id = plain ?? none;
    if (id === null) return fail('unauthenticated', 'No lab_flagless cookie arrived with this request, so the transfer did not happen.');
    const cookiesReceived = { noSameSiteAttribute: plain !== null, sameSiteNone: none !== null };
    const origin = ctx.request.headers.get('x-lab-original-origin');
    const done = labFlaglessAccounts().transfer(id, { at: ctx.now, ...form, origin, cookiesReceived });
    if (done === null) return fail('session_invalid', 'That lab session has ended.');
    return ok({ transferred: form, from: done.username, balance: done.balance, origin, cookiesReceived });
  }),
);
