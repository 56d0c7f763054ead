import { readCredentials } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { logInForTokens } from '@/lib/server/jwt/issue';
import { tokenEndpointTokens } from '@/lib/server/jwt/responses';

export const dynamic = 'force-dynamic';

/** Non-browser login: `{ username, password }` in, `{ access_token, token_type, expires_in, refresh_token }` out, no cookies. */
export const POST = route(async (ctx) => {
  const credentials = await readCredentials(ctx.request);
  if (!credentials.ok) return credentials;
  const login = await logInForTokens(ctx, credentials, 'token-endpoint');
  return login.ok ? tokenEndpointTokens(login.tokens) : login;
});
