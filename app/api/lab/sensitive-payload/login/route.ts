import { issueSensitivePayloadToken } from '@/lib/lab/forgery/case-endpoints';
import { labRoute } from '@/lib/lab/lab-route';
import { readCredentials } from '@/lib/server/http/body';
import { checkPasswordLogin } from '@/lib/server/password-login';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Lab case 16's careless login: the real password check, then a lab token stuffed with the user record. */
export const POST = labRoute(async ({ ctx }) => {
  const credentials = await readCredentials(ctx.request);
  if (!credentials.ok) return credentials;
  const login = await checkPasswordLogin(ctx, credentials, 'jwt');
  if (!login.ok) return login;
  return ok({ token: await issueSensitivePayloadToken(login.user, ctx.now) });
});
