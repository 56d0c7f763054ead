import { getJwks } from '@/lib/server/jwt';
import { getStore } from '@/lib/server/store';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * The public keys that verify access tokens (current and previous, never retired), with `kid`.
 * Any service can verify our tokens with this alone. Cached for 60 s by clients: a retired key may
 * still verify elsewhere for that long, which bounds how fast retirement reaches third parties.
 */
export const GET = handleRoute(async () => Response.json(await getJwks(getStore()), { headers: { 'Cache-Control': 'public, max-age=60' } }));
