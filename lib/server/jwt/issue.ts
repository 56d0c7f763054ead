import 'server-only';
import { signAccessToken, type SignedAccessToken } from '@/lib/jwt/access-token';
import {
  DEFAULT_REFRESH_POLICY,
  issueRefreshToken,
  rotateRefreshToken,
  type IssuedRefreshToken,
  type RefreshFailureCode,
  type RefreshPolicy,
} from '@/lib/jwt/refresh-token';
import type { User } from '@/lib/users/users';
import type { RequestContext } from '../http/context';
import { checkPasswordLogin } from '../password-login';
import { fail, type Failure } from '../http/reply';

export interface IssuedTokens {
  access: SignedAccessToken;
  accessTokenTtlSeconds: number;
  refresh: IssuedRefreshToken;
}

function refreshPolicyOf(ctx: RequestContext): RefreshPolicy {
  return { ...DEFAULT_REFRESH_POLICY, graceSeconds: ctx.app.settings.current().refreshGraceSeconds };
}

async function signFor(ctx: RequestContext, user: User): Promise<{ access: SignedAccessToken; accessTokenTtlSeconds: number }> {
  const { accessTokenTtlSeconds } = ctx.app.settings.current();
  const { ring } = await ctx.app.keys.get(ctx.store);
  const access = await ctx.timer.measure('sign', () =>
    signAccessToken({ user, signingKey: ring.signingKey, now: ctx.now, ttlSeconds: accessTokenTtlSeconds }),
  );
  return { access, accessTokenTtlSeconds };
}

/**
 * A password login for either JWT front door (browser cookies or the token endpoint): checks the
 * credentials (`checkPasswordLogin`: throttled, bounded, the same for an unknown user and a wrong
 * password), starts a refresh-token family, signs the first access token, records the event.
 */
export async function logInForTokens(
  ctx: RequestContext,
  credentials: { username: string; password: string },
  client: 'browser' | 'token-endpoint',
): Promise<{ ok: true; tokens: IssuedTokens } | Failure> {
  const checked = await checkPasswordLogin(ctx, credentials, 'jwt');
  if (!checked.ok) return checked;
  await ctx.app.settings.ready();
  const refresh = await ctx.timer.measure('store', () =>
    issueRefreshToken(ctx.store, { user: checked.user, now: ctx.now, policy: refreshPolicyOf(ctx) }),
  );
  const tokens = { ...(await signFor(ctx, checked.user)), refresh };
  ctx.publish({
    type: 'login',
    strategy: 'jwt',
    userId: checked.user.id,
    username: checked.user.username,
    durationMs: ctx.timer.durationOf('sign'),
    detail: { client, jti: tokens.access.claims.jti },
  });
  return { ok: true, tokens };
}

const REFRESH_MESSAGES: Record<RefreshFailureCode, string> = {
  refresh_invalid: 'The refresh token is missing or not valid; log in again.',
  refresh_expired: 'The refresh token has expired; log in again.',
  refresh_revoked: 'This login has been revoked; log in again.',
  refresh_reused: 'This refresh token was already used. Every token of this login has been revoked; log in again.',
  refresh_in_progress: 'This refresh token was just rotated by a concurrent request; retry with the new one.',
};

export type RefreshFailure = Failure & { code: RefreshFailureCode };

export function refreshFailure(code: RefreshFailureCode): RefreshFailure {
  return { ...fail(code, REFRESH_MESSAGES[code]), code };
}

/** Refresh: consume the refresh token, answer with its successor and a new access token; every outcome is recorded. */
export async function refreshTokens(
  ctx: RequestContext,
  refreshToken: string | null,
): Promise<{ ok: true; tokens: IssuedTokens } | RefreshFailure> {
  if (refreshToken === null) return refreshFailure('refresh_invalid');
  await ctx.app.settings.ready();
  const rotation = await ctx.timer.measure('rotate', () =>
    rotateRefreshToken(ctx.store, refreshToken, { now: ctx.now, policy: refreshPolicyOf(ctx), resolveUser: ctx.app.users.findById }),
  );
  if (!rotation.ok) {
    if (rotation.familyRevoked) {
      // Theft signal: the security team wants this one in the server log as well as on the dashboard.
      console.warn(`[session-vs-jwt] refresh token reused after rotation; family ${rotation.familyId} of ${rotation.userId} revoked`);
      ctx.publish({
        type: 'refresh_reused',
        strategy: 'jwt',
        userId: rotation.userId ?? null,
        code: 'refresh_reused',
        detail: { familyId: rotation.familyId ?? null },
      });
    } else if (rotation.code !== 'refresh_reused') {
      ctx.publish({
        type: 'rejection',
        strategy: 'jwt',
        code: rotation.code,
        userId: rotation.userId ?? null,
        durationMs: ctx.timer.durationOf('rotate'),
      });
    }
    return refreshFailure(rotation.code);
  }
  const { ok: _ok, user, ...refresh } = rotation;
  const tokens = { ...(await signFor(ctx, user)), refresh };
  ctx.publish({
    type: 'refresh',
    strategy: 'jwt',
    userId: user.id,
    username: user.username,
    durationMs: ctx.timer.durationOf('rotate'),
    detail: { jti: tokens.access.claims.jti, generation: refresh.record.generation },
  });
  return { ok: true, tokens };
}
