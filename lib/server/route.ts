import 'server-only';
import { errorResponse } from '@/lib/http/errors';
import { isStoreUnavailable } from '@/lib/store/store';

/**
 * Maps what a route handler throws to HTTP, once for every route: an unreachable store is a 503
 * that fails closed (nothing was created, no cookie was set); anything else is a bug, logged and
 * answered as a JSON 500 without details.
 */
export function handleRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isStoreUnavailable(error)) {
        console.warn(`[session-vs-jwt] ${error instanceof Error ? error.message : 'store unavailable'}`);
        return errorResponse('store_unavailable', 'The store is not answering, so no credential can be checked or issued. Try again shortly.', { 'Retry-After': '1' });
      }
      console.error('[session-vs-jwt] unexpected error', error);
      return errorResponse('internal_error', 'Something went wrong on the server.');
    }
  };
}
