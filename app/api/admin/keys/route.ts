import { NextResponse, type NextRequest } from 'next/server';
import { listSigningKeys } from '@/lib/jwt/signing-keys';
import { requireAdmin } from '@/lib/server/admin';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { getSigningKeySet } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** The signing keys' public facts: kid, algorithm, created, current / previous / retired. Never private parts. */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const admin = await requireAdmin(request, ctx);
  if (!admin.ok) return admin.response;
  return ctx.finish(NextResponse.json({ keys: listSigningKeys(await getSigningKeySet(ctx.store)) }, { headers: { 'Cache-Control': 'no-store' } }));
});
