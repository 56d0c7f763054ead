import { labRoute } from '@/lib/lab/lab-route';
import { refreshTheftLab } from '@/lib/lab/theft/theft-lab';
import { parseLabRefresh } from '@/lib/lab/theft/theft-request';
import { readJson } from '@/lib/server/http/body';
import { fail } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** `{ variant, refresh_token }`: a lab refresh, never rotated (no-rotation) or rotated with no grace (no-grace). */
export const POST = labRoute(async ({ ctx }) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const parsed = parseLabRefresh(body.value);
  if (!parsed.ok) return fail('bad_request', parsed.message);
  return refreshTheftLab(ctx, parsed.value.variant, parsed.value.refreshToken);
});
