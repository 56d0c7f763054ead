import { adminRoute } from '@/lib/server/admin/authenticate';
import { rotateKey } from '@/lib/server/admin/keys';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** A new signing key becomes current; the previous one stays in the JWKS so its tokens still verify. */
export const POST = adminRoute(async (ctx, admin) => {
  const rotated = await rotateKey(ctx, admin);
  return rotated.ok ? ok({ keys: rotated.keys }) : rotated;
});
