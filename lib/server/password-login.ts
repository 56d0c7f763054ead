import 'server-only';
import { errorResponse } from '@/lib/http/errors';
import { parseCredentials, readJsonBody } from '@/lib/http/request-body';
import type { User } from '@/lib/users/users';
import type { AuthRequestContext } from './auth-request';
import { checkCredentials } from './users';

/**
 * Reads `{ username, password }` and checks it: the user, or the error response to send. Unknown
 * user and wrong password give the same answer after the same scrypt work.
 */
export async function authenticatePassword(request: Request, ctx: AuthRequestContext): Promise<{ ok: true; user: User } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: errorResponse(body.code, body.message) };
  const credentials = parseCredentials(body.value);
  if (!credentials.ok) return { ok: false, response: errorResponse('bad_request', credentials.message) };
  const result = await ctx.timer.measure('password', () => checkCredentials(credentials.username, credentials.password));
  if (!result.ok) return { ok: false, response: errorResponse('invalid_credentials', 'Wrong username or password.') };
  return { ok: true, user: result.user };
}
