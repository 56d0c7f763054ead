import { isWellFormedKid } from '@/lib/jwt/kid';
import { adminRoute } from '@/lib/server/admin/authenticate';
import { retireKey } from '@/lib/server/admin/keys';
import { readJson } from '@/lib/server/http/body';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Retires a `kid`: it leaves the JWKS and every token it signed stops verifying. */
export const POST = adminRoute(async (ctx, admin) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const kid = (body.value as { kid?: unknown } | null)?.kid;
  if (!isWellFormedKid(kid)) return fail('bad_request', 'Expected a JSON object: { "kid": string }.');
  const retired = await retireKey(ctx, admin, kid);
  return retired.ok ? ok({ keys: retired.keys }) : retired;
});
