import 'server-only';
import { fingerprint, redactJwtSignature } from '@/lib/dashboard/credential-view';
import { describeCookie } from '@/lib/http/cookies';
import { describeRefreshToken } from '@/lib/jwt/refresh-token';
import type { RequestContext } from '../http/context';
import type { AuthenticatedToken } from './authenticate';
import { refreshFailure } from './issue';

/**
 * For the dashboard: the access token decoded (header and claims, which are not secret) with its
 * signature cut short, so what page scripts receive cannot be replayed.
 */
export function describeAccessCredential(ctx: RequestContext, auth: AuthenticatedToken) {
  const { token, verified } = auth;
  const { iat, exp } = verified.claims;
  return {
    cookie: describeCookie('accessToken', ctx.secure, token, `${token.split('.').slice(0, 2).join('.').slice(0, 24)}…`, {
      issuedAt: iat * 1000,
      expiresAt: exp * 1000,
    }),
    header: verified.header,
    payload: verified.claims,
    signature: redactJwtSignature(token),
  };
}

/**
 * For the dashboard: what the refresh cookie stands for, without using it. The token itself is
 * only ever shown as a fingerprint.
 */
export async function describeRefreshCredential(ctx: RequestContext) {
  const token = ctx.cookie('refreshToken');
  if (token === null) return refreshFailure('refresh_invalid');
  const described = await describeRefreshToken(ctx.store, token, ctx.now);
  if (!described.ok) return refreshFailure(described.code);
  const { record } = described;
  return {
    ok: true as const,
    cookie: describeCookie('refreshToken', ctx.secure, token, `fingerprint ${fingerprint(token)}`, {
      issuedAt: record.createdAt,
      expiresAt: record.absoluteExpiresAt,
    }),
    family: {
      id: `${record.familyId.slice(0, 8)}…`,
      generation: record.generation,
      currentSince: record.createdAt,
      idleExpiresAt: record.idleExpiresAt,
      absoluteExpiresAt: record.absoluteExpiresAt,
      parent: record.parentHash === null ? null : `${record.parentHash.slice(0, 12)}`,
    },
  };
}
