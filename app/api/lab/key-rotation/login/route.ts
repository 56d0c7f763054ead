import { decodeProtectedHeader } from 'jose';
import { labForeverKey } from '@/lib/lab/key-rotation/lab-forever-key';
import { labRoute } from '@/lib/lab/lab-route';
import { signLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

const FOREVER_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Weak lab login as alice (JSON): a token from the one key, with no `kid` in its header. */
export const POST = labRoute(async ({ ctx }) => {
  const token = await signLabJwt(
    { sub: 'alice', username: 'alice', role: 'user' },
    await labForeverKey(),
    FOREVER_TOKEN_LIFETIME_SECONDS,
    ctx.now,
  );
  return ok({ token, header: decodeProtectedHeader(token) });
});
