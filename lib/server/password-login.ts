import 'server-only';
import { clientAddressOf } from '@/lib/http/client-address';
import { PASSWORD_HASHING_BUSY_RETRY_AFTER_SECONDS } from '@/lib/policy';
import { checkLoginThrottle, recordLoginFailure, type LoginAttempt, type ThrottleScope } from '@/lib/users/login-throttle';
import type { User } from '@/lib/users/users';
import type { RequestContext } from './http/context';
import { fail, type Failure } from './http/reply';

const THROTTLED_BECAUSE: Record<ThrottleScope, string> = {
  account: 'for this account',
  account_and_client: 'for this account from your address',
  client: 'from your address',
};

/**
 * The one password check behind every password login (session, admin, JWT browser login, JWT
 * token endpoint), in the order that keeps a flood cheap:
 * 1. the failed-login counters (one store read): over a limit, 429 `rate_limited` with
 *    Retry-After, with no password work, and the right password is refused too;
 * 2. a verification slot: all taken and the queue full, 503 `server_busy` with Retry-After, again
 *    with no password work;
 * 3. scrypt; a failure is counted (and a lockout it starts is published once, as a rejection).
 * Unknown user and wrong password are counted, cost and answer the same.
 */
export async function checkPasswordLogin(
  ctx: RequestContext,
  credentials: { username: string; password: string },
  strategy: 'session' | 'jwt' | 'admin',
): Promise<{ ok: true; user: User } | Failure> {
  const attempt: LoginAttempt = {
    username: credentials.username,
    client: clientAddressOf(ctx.request.headers, ctx.config.trustedProxyHops),
  };
  const throttleOptions = { now: ctx.now, policy: ctx.config.loginThrottle };
  const throttle = await ctx.timer.measure('throttle', () => checkLoginThrottle(ctx.store, attempt, throttleOptions));
  if (throttle.throttled) {
    return fail(
      'rate_limited',
      `Too many failed logins ${THROTTLED_BECAUSE[throttle.scope]}; try again in ${throttle.retryAfterSeconds} s.`,
      { headers: { 'Retry-After': String(throttle.retryAfterSeconds) } },
    );
  }
  const checked = await ctx.timer.measure('password', () => ctx.app.users.checkCredentials(credentials.username, credentials.password));
  if (checked.ok) return checked;
  if (checked.code === 'server_busy') {
    return fail('server_busy', 'Too many logins are being checked right now; try again in a moment.', {
      headers: { 'Retry-After': String(PASSWORD_HASHING_BUSY_RETRY_AFTER_SECONDS) },
    });
  }
  const recorded = await ctx.timer.measure('count-failure', () => recordLoginFailure(ctx.store, attempt, throttleOptions));
  if (recorded.reached.length > 0) {
    // Once per lockout, not per refused attempt: a flood must not become a flood of events. Only a
    // configured account is named; a made-up username is not echoed to the dashboard.
    const user = await ctx.app.users.findByUsername(credentials.username);
    ctx.publish({
      type: 'rejection',
      strategy,
      code: 'rate_limited',
      userId: user?.id ?? null,
      username: user?.username ?? null,
      detail: { scopes: recorded.reached.join(','), retryAfterSeconds: recorded.retryAfterSeconds },
    });
  }
  return fail('invalid_credentials', 'Wrong username or password.');
}
