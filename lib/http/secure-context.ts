/**
 * Whether the browser will accept `Secure` cookies from this request: over https, or from a
 * loopback host, which browsers treat as a secure context even over plain http. Over plain http
 * on a LAN address (a workshop laptop reached by IP) they refuse Secure cookies and `__Host-`
 * names, so the cookie helpers fall back to a plain name without Secure, and the dashboard shows
 * that downgrade instead of hiding it.
 */
export function isSecureContext(requestUrl: string, hostHeader: string | null, publicOrigin: string | null): boolean {
  if (publicOrigin !== null) return publicOrigin.startsWith('https://');
  const url = new URL(requestUrl);
  if (url.protocol === 'https:') return true;
  const host = (hostHeader ?? url.host).replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
