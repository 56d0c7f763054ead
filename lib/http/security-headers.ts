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
export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
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
    "form-action 'self'",
  ].join('; ');
}

/** Two years, as the HSTS preload list asks; no includeSubDomains: sibling hosts are not ours to decide. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

/** Whether HSTS may be sent: the configured public origin is https, or (without one) this request came over https. */
export function wantsStrictTransportSecurity(requestUrl: string, publicOrigin: string | null): boolean {
  if (publicOrigin !== null) return publicOrigin.startsWith('https://');
  return new URL(requestUrl).protocol === 'https:';
}
