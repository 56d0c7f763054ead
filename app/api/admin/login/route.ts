import { readCredentials } from '@/lib/server/http/body';
import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { logInWithPassword } from '@/lib/server/session/login';

export const dynamic = 'force-dynamic';

/** Starts an admin session: the session strategy, its own namespace, a cookie scoped to /api/admin. */
export const POST = route(async (ctx) => {
  const credentials = await readCredentials(ctx.request);
  if (!credentials.ok) return credentials;
  const login = await logInWithPassword(ctx, credentials, 'admin');
  return login.ok ? ok({ user: login.user, session: login.session }, { cookies: [login.cookie] }) : login;
});
