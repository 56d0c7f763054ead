import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/request-body';
import { KID_PATTERN, listSigningKeys } from '@/lib/jwt/signing-keys';
import { requireAdmin } from '@/lib/server/admin';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { retireSigningKeyNow } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Retires a `kid`: it leaves the JWKS and every token it signed stops verifying. */
export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const admin = await requireAdmin(request, ctx);
  if (!admin.ok) return admin.response;
  const body = await readJsonBody(request);
  if (!body.ok) return ctx.finish(errorResponse(body.code, body.message));
  const kid = (body.value as { kid?: unknown } | null)?.kid;
  if (typeof kid !== 'string' || !KID_PATTERN.test(kid)) return ctx.finish(errorResponse('bad_request', 'Expected a JSON object: { "kid": string }.'));
  const result = await ctx.timer.measure('retire', () => retireSigningKeyNow(kid));
  if (!result.ok) return ctx.finish(errorResponse(result.code === 'unknown_kid' ? 'not_found' : 'conflict', result.message));
  publishEvent({ type: 'key_retired', strategy: 'admin', detail: { kid, by: admin.user.username } });
  return ctx.finish(NextResponse.json({ keys: listSigningKeys(result.keySet) }, { headers: { 'Cache-Control': 'no-store' } }));
});
