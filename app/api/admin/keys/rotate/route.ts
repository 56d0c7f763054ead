import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { listSigningKeys } from '@/lib/jwt/signing-keys';
import { beginAdminRequest } from '@/lib/server/admin';
import { publishEvent } from '@/lib/server/events';
import { rotateSigningKeyNow } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** A new signing key becomes current; the previous one stays in the JWKS so its tokens still verify. */
export const POST = handleRoute(async (request: NextRequest) => {
  const start = await beginAdminRequest(request, { changesState: true });
  if (!start.ok) return start.response;
  const { ctx, admin } = start;
  const result = await ctx.timer.measure('rotate', () => rotateSigningKeyNow());
  if (!result.ok) return ctx.finish(errorResponse('conflict', result.message));
  const keys = listSigningKeys(result.keySet);
  publishEvent({ type: 'key_rotated', strategy: 'admin', detail: { kid: keys.find((key) => key.status === 'current')?.kid ?? null, by: admin.username } });
  return ctx.finish(NextResponse.json({ keys }, { headers: { 'Cache-Control': 'no-store' } }));
});
