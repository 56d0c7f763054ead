import { labRoute } from '@/lib/lab/lab-route';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** The live access-token lifetime of this server (an admin may have changed it), for the page's timeline. */
export const GET = labRoute(async ({ ctx }) => ok({ accessTokenSeconds: (await ctx.app.settings.ready()).accessTokenTtlSeconds }));
