import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * What this instance knows about its own costs, with no store call: whether it is warm yet, how
 * many requests ran cold, and the library calls alone (unseal, verify, one store GET) measured at
 * start, so a phase on the dashboard can be set beside what the library itself costs.
 */
export const GET = route(async (ctx) => {
  const { costs, instanceId, driverStore } = ctx.app;
  return ok({ instance: instanceId, driver: driverStore.driver, ...costs.warmth.state(), library: costs.library });
});
