import { getJwks } from '@/lib/server/jwt';
import { getStore } from '@/lib/server/store';
import { errorResponse } from '@/lib/http/errors';
import { isStoreUnavailable } from '@/lib/store/store';

export const dynamic = 'force-dynamic';

/**
 * The public keys that verify access tokens (current and previous, never retired), with `kid`.
 * Any service can verify our tokens with this alone. Cached for 60 s by clients: a retired key may
 * still verify elsewhere for that long, which bounds how fast retirement reaches third parties.
 */
export async function GET(): Promise<Response> {
  try {
    return Response.json(await getJwks(getStore()), { headers: { 'Cache-Control': 'public, max-age=60' } });
  } catch (error) {
    if (isStoreUnavailable(error)) return errorResponse('store_unavailable', 'The key store is not answering.');
    throw error;
  }
}
