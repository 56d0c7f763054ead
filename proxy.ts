import { NextResponse, type NextRequest } from 'next/server';
import { checkHost } from '@/lib/http/host-check';
import { contentSecurityPolicyForPage, STRICT_TRANSPORT_SECURITY, wantsStrictTransportSecurity } from '@/lib/http/security-headers';
import { loadHostGateFromEnvironment } from '@/lib/server/config';
import { fail, toResponse } from '@/lib/server/http/reply';

const gate = loadHostGateFromEnvironment();
const development = process.env.NODE_ENV === 'development';

/**
 * Runs before every page (not API routes, which the route wrapper guards, nor static files): a Host
 * that could be DNS-rebound is refused with the API's JSON 421, and the page gets a CSP with a
 * fresh nonce. The CSP is also set on the request, which is where Next.js reads the nonce from.
 */
export function proxy(request: NextRequest) {
  const host = checkHost(request.headers.get('host'), request.url, gate);
  if (!host.ok) return toResponse(fail(host.code, host.message), false);

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  // The Host was just checked; the origin the browser used decides the lab attacker page's one extra form-action.
  const requestOrigin = `${request.nextUrl.protocol}//${request.headers.get('host') ?? request.nextUrl.host}`;
  const csp = contentSecurityPolicyForPage(request.nextUrl.pathname, requestOrigin, nonce, development);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (wantsStrictTransportSecurity(request.url, gate.publicOrigin))
    response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)',
      // Prefetches carry no document, so no nonce is needed (the docs' recommendation).
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
