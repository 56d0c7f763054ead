import { readCredentials } from '@/lib/server/http/body';
import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { logInWithPassword } from '@/lib/server/session/login';

export const dynamic = 'force-dynamic';

/** `{ username, password }` in; the sealed session cookie and the session's deadlines out. */
export const POST = route(async (ctx) => {
  const credentials = await readCredentials(ctx.request);
  if (!credentials.ok) return credentials;
  const login = await logInWithPassword(ctx, credentials, 'user');
  if (!login.ok) return login;
  const { createdAt, expiresAt, absoluteExpiresAt } = login.session;
  return ok({ user: login.user, session: { createdAt, expiresAt, absoluteExpiresAt } }, { cookies: [login.cookie] });
});
