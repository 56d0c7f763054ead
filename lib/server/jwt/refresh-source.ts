import 'server-only';
import { choosePresentedRefreshToken } from '@/lib/jwt/refresh-token-source';
import type { RequestContext } from '../http/context';
import { declaresJsonBody, readJson } from '../http/body';
import { fail, type Failure } from '../http/reply';

/** The refresh token the request presents, body or cookie (see lib/jwt/refresh-token-source.ts for which wins). */
export async function readPresentedRefreshToken(
  ctx: RequestContext,
): Promise<{ ok: true; token: string | null; source: 'body' | 'cookie' } | Failure> {
  let jsonBody: unknown;
  if (declaresJsonBody(ctx.request)) {
    const body = await readJson(ctx.request);
    if (!body.ok) return body;
    jsonBody = body.value;
  }
  const presented = choosePresentedRefreshToken(jsonBody, ctx.cookie('refreshToken'));
  return presented.ok ? presented : fail(presented.code, presented.message);
}
