import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { SETTINGS_BOUNDS, validateSettingsPatch } from '@/lib/settings/settings';
import { beginAdminRequest, readAdminBody } from '@/lib/server/admin';
import { publishEvent } from '@/lib/server/events';
import { getInstanceId } from '@/lib/server/instance';
import { handleRoute } from '@/lib/server/route';
import { getSettingsState, updateRuntimeSettings } from '@/lib/server/settings';

export const dynamic = 'force-dynamic';

function settingsBody() {
  const state = getSettingsState();
  return {
    settings: state.settings,
    version: state.version,
    updatedAt: state.updatedAt,
    bounds: SETTINGS_BOUNDS,
    // When this instance picked up the version it serves: how fast a change reached it.
    instance: { id: getInstanceId(), version: state.version, receivedAt: state.receivedAt },
  };
}

export const GET = handleRoute(async (request: NextRequest) => {
  const start = await beginAdminRequest(request, { changesState: false });
  if (!start.ok) return start.response;
  const { ctx } = start;
  return ctx.finish(NextResponse.json(settingsBody(), { headers: { 'Cache-Control': 'no-store' } }));
});

/** Partial update; anything out of range or of the wrong type is a 400 and changes nothing. */
export const PUT = handleRoute(async (request: NextRequest) => {
  const start = await beginAdminRequest(request, { changesState: true });
  if (!start.ok) return start.response;
  const { ctx } = start;
  const body = await readAdminBody(request, ctx);
  if (!body.ok) return body.response;
  const patch = validateSettingsPatch(body.value);
  if (!patch.ok) return ctx.finish(errorResponse('bad_request', patch.message));
  const next = await updateRuntimeSettings(patch.patch);
  publishEvent({ type: 'settings_changed', strategy: 'admin', detail: { ...next.settings, version: next.version } });
  return ctx.finish(NextResponse.json(settingsBody(), { headers: { 'Cache-Control': 'no-store' } }));
});
