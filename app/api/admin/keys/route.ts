import { NextResponse, type NextRequest } from 'next/server';
import { listSigningKeys } from '@/lib/jwt/signing-keys';
import { beginAdminRequest } from '@/lib/server/admin';
import { getSigningKeySet } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** The signing keys' public facts: kid, algorithm, created, current / previous / retired. Never private parts. */
export const GET = handleRoute(async (request: NextRequest) => {
  const start = await beginAdminRequest(request, { changesState: false });
  if (!start.ok) return start.response;
  const { ctx } = start;
  return ctx.finish(NextResponse.json({ keys: listSigningKeys(await getSigningKeySet(ctx.store)) }, { headers: { 'Cache-Control': 'no-store' } }));
});
