import 'server-only';
import { checkCrossSiteRequest } from '@/lib/http/cross-site';
import { checkHost } from '@/lib/http/host-check';
import { storeCommandMeter } from '@/lib/store/command-meter';
import { isStoreUnavailable } from '@/lib/store/store';
import { getServerApp, type ServerApp } from '../app';
import { beginRequest, finishResponse, type RequestContext } from './context';
import { fail, toResponse, type Reply } from './reply';

export type RouteHandler<Params> = (ctx: RequestContext, params: Params) => Promise<Reply | Response>;

/** Maps what a handler throws: an unreachable store fails closed with a 503, anything else is a bug. */
function replyForThrown(error: unknown): Reply {
  if (isStoreUnavailable(error)) {
    console.warn(`[session-vs-jwt] ${error instanceof Error ? error.message : 'store unavailable'}`);
    return fail('store_unavailable', 'The store is not answering, so no credential can be checked or issued. Try again shortly.', {
      headers: { 'Retry-After': '1' },
    });
  }
  console.error('[session-vs-jwt] unexpected error', error);
  return fail('internal_error', 'Something went wrong on the server.');
}

/**
 * The one shape of every API route. Before the handler: a Host that a DNS-rebinding page could
 * send is refused (421, host-check.ts), a state-changing request from another site is refused (CSRF defence in depth, on top of SameSite cookies), and the request context is
 * made (one `now`, the phase timer, the timed store). The handler parses, calls one use-case and
 * returns its reply (or, for a stream, a Response). After it, on every exit, errors included: the
 * reply becomes the response and gets Server-Timing, X-Store-Lookups, X-Store-Commands and X-Instance.
 */
export function createRouteWrapper(getApp: () => ServerApp) {
  return function route<Params = Record<string, never>>(handler: RouteHandler<Params>) {
    return async (request: Request, segment?: { params: Promise<Params> }): Promise<Response> => {
      const ctx = beginRequest(request, getApp());
      return storeCommandMeter.runAs(ctx.storeCommands, () => handle(ctx, segment));
    };

    async function handle(ctx: RequestContext, segment?: { params: Promise<Params> }): Promise<Response> {
      const { request } = ctx;
      const host = checkHost(request.headers.get('host'), request.url, ctx.config);
      const crossSite = checkCrossSiteRequest({
        method: request.method,
        secFetchSite: request.headers.get('sec-fetch-site'),
        origin: request.headers.get('origin'),
        appOrigin: ctx.appOrigin,
      });
      let result: Reply | Response;
      if (!host.ok) {
        result = fail(host.code, host.message);
      } else if (!crossSite.ok) {
        result = fail(crossSite.code, crossSite.message);
      } else {
        try {
          result = await handler(ctx, segment ? await segment.params : ({} as Params));
        } catch (error) {
          result = replyForThrown(error);
        }
      }
      return finishResponse(result instanceof Response ? result : toResponse(result, ctx.secure), ctx);
    }
  };
}

/** The route wrapper of this process's app. */
export const route = createRouteWrapper(getServerApp);
