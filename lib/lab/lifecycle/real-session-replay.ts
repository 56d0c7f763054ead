import 'server-only';
import { GET as realSessionMe } from '@/app/api/session/me/route';
import { cookieName } from '@/lib/http/cookies';
import type { RequestContext } from '@/lib/server/http/context';
import { CapturedCookies } from './captured-cookies';

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtLabCaptures?: CapturedCookies };

/** This process's captured real session cookies (cases 14 and 15). */
export function capturedRealCookies(): CapturedCookies {
  globalForLab.__sessionVsJwtLabCaptures ??= new CapturedCookies();
  return globalForLab.__sessionVsJwtLabCaptures;
}

/** The real session cookie this request carries (Path=/, so it reaches lab routes too), or null. */
export function realSessionCookieOf(ctx: RequestContext): string | null {
  return ctx.cookie('session');
}

/**
 * Presents a captured real session cookie to the app's real GET /api/session/me handler, in process,
 * exactly as a browser would (same Host, the cookie under its real name), and returns what it
 * answered. The body is the real endpoint's own: on success the user, on refusal `{ error, message }`;
 * never the cookie.
 */
export async function replayRealSessionCookie(ctx: RequestContext, value: string): Promise<{ status: number; body: unknown }> {
  const headers = new Headers({ cookie: `${cookieName('session', ctx.secure)}=${value}` });
  const host = ctx.request.headers.get('host');
  if (host !== null) headers.set('host', host);
  const response = await realSessionMe(new Request(new URL('/api/session/me', ctx.request.url), { headers }));
  const body: unknown = await response.json().catch(() => null);
  return { status: response.status, body };
}
