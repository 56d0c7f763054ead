/**
 * Refuses state-changing requests that come from another site (CSRF defence in depth, on top of
 * SameSite=Lax cookies). Either signal is enough on its own, because older browsers send only one
 * of them: `Sec-Fetch-Site: cross-site`, or an `Origin` that differs from the app's own origin.
 * Requests with neither header (curl, server-to-server) are not browser-driven CSRF and pass.
 */
export interface CrossSiteInput {
  method: string;
  secFetchSite: string | null;
  origin: string | null;
  /** The app's own origin: the configured public origin, or derived from the request's Host. */
  appOrigin: string;
}

export type CrossSiteResult = { ok: true } | { ok: false; code: 'cross_site_request'; message: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkCrossSiteRequest(input: CrossSiteInput): CrossSiteResult {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  if (input.secFetchSite !== null && input.secFetchSite.toLowerCase() === 'cross-site') {
    return {
      ok: false,
      code: 'cross_site_request',
      message: 'This request came from another site and would change state; it was refused.',
    };
  }
  if (input.origin !== null && input.origin !== input.appOrigin) {
    return { ok: false, code: 'cross_site_request', message: 'The Origin of this request is not this app; it was refused.' };
  }
  return { ok: true };
}

/** The origin the browser used to reach the app, from the request URL and its Host header. */
export function deriveAppOrigin(requestUrl: string, hostHeader: string | null, publicOrigin: string | null): string {
  if (publicOrigin !== null) return publicOrigin;
  const url = new URL(requestUrl);
  return hostHeader ? `${url.protocol}//${hostHeader}` : url.origin;
}
