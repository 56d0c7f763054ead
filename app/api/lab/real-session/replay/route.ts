import { capturedRealCookies, replayRealSessionCookie } from '@/lib/lab/lifecycle/real-session-replay';
import { readStringField } from '@/lib/lab/lifecycle/read-field';
import { labRoute } from '@/lib/lab/lab-route';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/**
 * `{ handle }`: presents the captured real session cookie to the app's real GET /api/session/me and
 * reports its status and body (the user, or `{ error, message }`), never the cookie.
 */
export const POST = labRoute(async ({ ctx }) => {
  const handle = await readStringField(ctx.request, 'handle', 64);
  if (!handle.ok) return handle;
  const value = capturedRealCookies().read(handle.value, ctx.now);
  if (value === null) return fail('not_found', 'No captured cookie under that handle (captures last five minutes).');
  return ok(await replayRealSessionCookie(ctx, value));
});
