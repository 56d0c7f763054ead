import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { checkSession } from '@/lib/server/session/inspect';

export const dynamic = 'force-dynamic';

/** Who am I? One unseal and one store lookup, both in Server-Timing; X-Store-Lookups says 1. */
export const GET = route(async (ctx) => {
  const auth = await checkSession(ctx);
  if (!auth.ok) return auth;
  return ok({ user: auth.user, session: auth.session }, { headers: { 'X-Credential-Bytes': String(auth.credentialBytes) } });
});
