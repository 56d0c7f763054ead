import 'server-only';
import { SETTINGS_BOUNDS, type RuntimeSettings } from '@/lib/settings/settings';
import type { ServerApp } from '../app';
import type { RequestContext } from '../http/context';

/** The settings as this instance serves them, their bounds, and when this instance picked up the version. */
export function describeSettings(app: ServerApp) {
  const state = app.settings.state();
  return {
    settings: state.settings,
    version: state.version,
    updatedAt: state.updatedAt,
    bounds: SETTINGS_BOUNDS,
    // How fast a change reached this instance.
    instance: { id: app.instanceId, version: state.version, receivedAt: state.receivedAt },
  };
}

/** Writes a validated change for every instance, serves it here at once, and announces it to the others. */
export async function changeSettings(ctx: RequestContext, patch: Partial<RuntimeSettings>) {
  const next = await ctx.app.settings.update(patch, ctx.now);
  ctx.publish({ type: 'settings_changed', strategy: 'admin', detail: { ...next.settings, version: next.version } });
  return describeSettings(ctx.app);
}
