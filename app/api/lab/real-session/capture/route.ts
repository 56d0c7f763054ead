import { hashOpaqueToken } from '@/lib/crypto/opaque-token';
import { capturedRealCookies, realSessionCookieOf } from '@/lib/lab/lifecycle/real-session-replay';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * Stands in for an attacker copying the real session cookie: keeps the value the browser sent in
 * server memory under a random handle, for a few minutes, and answers only the handle. The value
 * never leaves the server, so page scripts still cannot read a real credential.
 */
export const POST = labRoute(async ({ ctx }) => {
  const value = realSessionCookieOf(ctx);
  if (value === null) return fail('unauthenticated', 'This browser sends no real session cookie: sign in first.');
  const { handle, expiresAt } = capturedRealCookies().capture(value, ctx.now);
  // A short hash tells two captures apart (did login change the cookie?) without being replayable.
  return ok({ handle, expiresAt, fingerprint: hashOpaqueToken(value).slice(0, 12) });
});
