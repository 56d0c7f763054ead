import { issueJkuInjectionToken, ownLoopbackOrigin } from '@/lib/lab/forgery/case-endpoints';
import { readLabTokenHolder } from '@/lib/lab/forgery/weak-endpoint';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Lab login without a password: a legitimate lab token for alice or bob (`{ username }`). */
export const POST = labRoute(async ({ ctx }) => {
  const holder = await readLabTokenHolder(ctx.request);
  if (!holder.ok) return holder.reply;
  const origin = ownLoopbackOrigin();
  if (origin === null) return fail('not_found', 'This server does not know its own loopback origin, so case 7 cannot run here.');
  return ok({ token: await issueJkuInjectionToken(holder.user, ctx.now, origin) });
});
