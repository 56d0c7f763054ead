import { signLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import { LAB_KEY_ID, labSigningKey } from '@/lib/lab/lab-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

const LAB_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * Weak lab login as alice: the token comes back in the body for the page to keep in localStorage,
 * WRONG ON PURPOSE (any script on the page can read it there).
 */
export const POST = labRoute(async ({ ctx }) => {
  const key = await labSigningKey();
  const token = await signLabJwt(
    { sub: 'alice', username: 'alice', role: 'user' },
    { ...key, kid: LAB_KEY_ID },
    LAB_TOKEN_LIFETIME_SECONDS,
    ctx.now,
  );
  return ok({ token, expiresInSeconds: LAB_TOKEN_LIFETIME_SECONDS });
});
