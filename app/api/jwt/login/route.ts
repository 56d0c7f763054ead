import { readCredentials } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { logInForTokens } from '@/lib/server/jwt/issue';
import { browserTokens } from '@/lib/server/jwt/responses';

export const dynamic = 'force-dynamic';

/** Browser login: `{ username, password }` in, the tokens in two HttpOnly cookies out. */
export const POST = route(async (ctx) => {
  const credentials = await readCredentials(ctx.request);
  if (!credentials.ok) return credentials;
  const login = await logInForTokens(ctx, credentials, 'browser');
  return login.ok ? browserTokens(login.tokens, ctx.now) : login;
});
