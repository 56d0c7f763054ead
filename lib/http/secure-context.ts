/**
 * Whether the browser will accept `Secure` cookies from this request: over https, or from a
 * loopback host, which browsers treat as a secure context even over plain http. Over plain http
 * on a LAN address (a workshop laptop reached by IP) they refuse Secure cookies and `__Host-`
 * names, so the cookie helpers fall back to a plain name without Secure, and the dashboard shows
 * that downgrade instead of hiding it. With PUBLIC_ORIGIN set, that origin is what the browser
 * sees, whatever reached this instance from the proxy in front (`npm run start:cluster` serves the
 * app at a loopback origin through nginx, which keeps the `__Host-` names).
 */
export function isSecureContext(requestUrl: string, hostHeader: string | null, publicOrigin: string | null): boolean {
  const url = new URL(publicOrigin ?? requestUrl);
  if (url.protocol === 'https:') return true;
  const host = (publicOrigin !== null ? url.host : (hostHeader ?? url.host)).replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
