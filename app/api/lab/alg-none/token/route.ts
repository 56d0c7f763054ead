import { issueAlgNoneToken } from '@/lib/lab/forgery/case-endpoints';
import { readLabTokenHolder } from '@/lib/lab/forgery/weak-endpoint';
import { labRoute } from '@/lib/lab/lab-route';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Lab login without a password: a legitimate lab token for alice or bob (`{ username }`). */
export const POST = labRoute(async ({ ctx }) => {
  const holder = await readLabTokenHolder(ctx.request);
  if (!holder.ok) return holder.reply;
  return ok({ token: await issueAlgNoneToken(holder.user, ctx.now) });
});
