import { buildJwks } from '@/lib/jwt/signing-keys';
import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * The public keys that verify access tokens (current and previous, never retired), with `kid`.
 * Any service can verify our tokens with this alone. Cached for 60 s by clients: a retired key may
 * still verify elsewhere for that long, which bounds how fast retirement reaches third parties.
 */
export const GET = route(async (ctx) =>
  ok(buildJwks((await ctx.app.keys.get(ctx.store)).keySet), { headers: { 'Cache-Control': 'public, max-age=60' } }),
);
