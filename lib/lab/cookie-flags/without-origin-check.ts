import 'server-only';

type RouteFunction<Segment> = (request: Request, segment: Segment) => Promise<Response>;

/**
 * WRONG ON PURPOSE, for case 10's weak endpoint only: hands the lab route a copy of the request
 * without `Origin` and `Sec-Fetch-Site`, so the route wrapper's cross-site check never sees where
 * the request came from, as an app that never checks would. Everything else (the lab switch, the
 * Host check) still applies.
 */
export function withoutOriginCheck<Segment>(labHandler: RouteFunction<Segment>): RouteFunction<Segment> {
  return async (request, segment) => {
    const headers = new Headers(request.headers);
    headers.delete('origin');
    headers.delete('sec-fetch-site');
    // The weak handler still wants to show the learner where the request came from.
    const origin = request.headers.get('origin');
    if (origin !== null) headers.set('x-lab-original-origin', origin);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return labHandler(new Request(request.url, { method: request.method, headers, body }), segment);
  };
}
