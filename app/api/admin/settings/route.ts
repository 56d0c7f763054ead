import { validateSettingsPatch } from '@/lib/settings/settings';
import { adminRoute } from '@/lib/server/admin/authenticate';
import { changeSettings, describeSettings } from '@/lib/server/admin/settings';
import { readJson } from '@/lib/server/http/body';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

export const GET = adminRoute(async (ctx) => ok(describeSettings(ctx.app)));

/** Partial update; anything out of range or of the wrong type is a 400 and changes nothing. */
export const PUT = adminRoute(async (ctx) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const patch = validateSettingsPatch(body.value);
  if (!patch.ok) return fail('bad_request', patch.message);
  return ok(await changeSettings(ctx, patch.patch));
});
