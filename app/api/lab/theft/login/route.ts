import { labRoute } from '@/lib/lab/lab-route';
import { signInToTheftLab } from '@/lib/lab/theft/theft-lab';
import { parseLabSignIn } from '@/lib/lab/theft/theft-request';
import { readJson } from '@/lib/server/http/body';
import { fail } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** `{ variant }` with a real access token as Bearer: lab tokens for the same user, in JSON. */
export const POST = labRoute(async ({ ctx }) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const parsed = parseLabSignIn(body.value);
  if (!parsed.ok) return fail('bad_request', parsed.message);
  return signInToTheftLab(ctx, parsed.value.variant);
});
