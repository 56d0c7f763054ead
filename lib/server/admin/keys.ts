import 'server-only';
import { listSigningKeys, type SigningKeySummary } from '@/lib/jwt/signing-keys';
import type { User } from '@/lib/users/users';
import type { RequestContext } from '../http/context';
import { fail, type Failure } from '../http/reply';

type KeyChange = { ok: true; keys: SigningKeySummary[] } | Failure;

/** The signing keys' public facts: kid, algorithm, created, current / previous / retired. Never private parts. */
export async function listKeys(ctx: RequestContext): Promise<SigningKeySummary[]> {
  return listSigningKeys((await ctx.app.keys.get(ctx.store)).keySet);
}

/** A new signing key becomes current here at once; the previous one keeps verifying. Other instances follow. */
export async function rotateKey(ctx: RequestContext, admin: User): Promise<KeyChange> {
  const result = await ctx.timer.measure('rotate', () => ctx.app.keys.rotate(ctx.now));
  if (!result.ok) return fail('conflict', result.message);
  const keys = listSigningKeys(result.keySet);
  ctx.publish({
    type: 'key_rotated',
    strategy: 'admin',
    detail: { kid: keys.find((key) => key.status === 'current')?.kid ?? null, by: admin.username },
  });
  return { ok: true, keys };
}

/** Retires a `kid`: it leaves the JWKS and every token it signed stops verifying, here at once. */
export async function retireKey(ctx: RequestContext, admin: User, kid: string): Promise<KeyChange> {
  const result = await ctx.timer.measure('retire', () => ctx.app.keys.retire(kid, ctx.now));
  if (!result.ok) return fail(result.code === 'unknown_kid' ? 'not_found' : 'conflict', result.message);
  ctx.publish({ type: 'key_retired', strategy: 'admin', detail: { kid, by: admin.username } });
  return { ok: true, keys: listSigningKeys(result.keySet) };
}
