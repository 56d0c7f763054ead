import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { KID_PATTERN, listSigningKeys } from '@/lib/jwt/signing-keys';
import { beginAdminRequest, readAdminBody } from '@/lib/server/admin';
import { publishEvent } from '@/lib/server/events';
import { retireSigningKeyNow } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Retires a `kid`: it leaves the JWKS and every token it signed stops verifying. */
export const POST = handleRoute(async (request: NextRequest) => {
  const start = await beginAdminRequest(request, { changesState: true });
  if (!start.ok) return start.response;
  const { ctx, admin } = start;
  const body = await readAdminBody(request, ctx);
  if (!body.ok) return body.response;
  const kid = (body.value as { kid?: unknown } | null)?.kid;
  if (typeof kid !== 'string' || !KID_PATTERN.test(kid)) return ctx.finish(errorResponse('bad_request', 'Expected a JSON object: { "kid": string }.'));
  const result = await ctx.timer.measure('retire', () => retireSigningKeyNow(kid));
  if (!result.ok) return ctx.finish(errorResponse(result.code === 'unknown_kid' ? 'not_found' : 'conflict', result.message));
  publishEvent({ type: 'key_retired', strategy: 'admin', detail: { kid, by: admin.username } });
  return ctx.finish(NextResponse.json({ keys: listSigningKeys(result.keySet) }, { headers: { 'Cache-Control': 'no-store' } }));
});
