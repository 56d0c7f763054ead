/**
 * The browser-hardening headers, declared once. Pure: no Next.js, no environment.
 * - Pages get a Content-Security-Policy with a fresh nonce per request (set by proxy.ts; Next.js
 *   reads the nonce from the request's CSP and puts it on its own scripts). `'strict-dynamic'`
 *   lets those scripts load the chunks they need, and nothing else runs: an injected `<script>`
 *   has no nonce. Styles allow `'unsafe-inline'`: React renders `style` attributes, which no nonce
 *   can cover, and a style cannot run code.
 * - The static ones (the API's `default-src 'none'` CSP, Permissions-Policy, COOP) are in
 *   next.config.js, which Next.js loads as plain JS before any of this.
 * - HSTS only when the app is reached over https: sent over http://localhost it would be ignored
 *   at best, and a browser that kept it would refuse every http port on that host.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean, extraFormActionOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // React's development build uses eval for its error overlays; never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...extraFormActionOrigins].join(' '),
  ].join('; ');
}

/**
 * The attack lab's cross-site attacker page (case 10), the one page whose forms post to another
 * origin: the app's own loopback twin (localhost <-> 127.0.0.1, same scheme and port), a different
 * site that the Host check also serves. Only that page, and only that one origin, is added to
 * form-action; every other page keeps `form-action 'self'`.
 */
export const CROSS_SITE_LAB_PAGE_PATH = '/lab/cookie-flags/attacker';

/** localhost <-> 127.0.0.1 with the same scheme and port, or null for any other host. */
export function loopbackTwinOrigin(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  const twin = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : null;
  if (twin === null) return null;
  return `${url.protocol}//${twin}${url.port === '' ? '' : `:${url.port}`}`;
}

/** The CSP of the page at `pathname`, reached at `requestOrigin`: the page policy, widened only for the lab's attacker page. */
export function contentSecurityPolicyForPage(pathname: string, requestOrigin: string, nonce: string, development: boolean): string {
  const twin = pathname === CROSS_SITE_LAB_PAGE_PATH ? loopbackTwinOrigin(requestOrigin) : null;
  return pageContentSecurityPolicy(nonce, development, twin === null ? [] : [twin]);
}

/** Two years, as the HSTS preload list asks; no includeSubDomains: sibling hosts are not ours to decide. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

/** Whether HSTS may be sent: the configured public origin is https, or (without one) this request came over https. */
export function wantsStrictTransportSecurity(requestUrl: string, publicOrigin: string | null): boolean {
  if (publicOrigin !== null) return publicOrigin.startsWith('https://');
  return new URL(requestUrl).protocol === 'https:';
}
