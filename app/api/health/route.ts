import { formatServerTiming } from '@/lib/http/server-timing';
import { getServerApp } from '@/lib/server/app';
import { checkStoreHealth } from '@/lib/store/health';

export const dynamic = 'force-dynamic';

/** 200 when the store answers a PING, 503 when it does not: what a load balancer should route on. */
export async function GET(): Promise<Response> {
  const app = getServerApp();
  const health = await checkStoreHealth(app.store);
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (health.roundTripMs !== null) headers.set('Server-Timing', formatServerTiming([{ name: 'store', durationMs: health.roundTripMs }]));
  return Response.json({ store: health, instance: app.instanceId }, { status: health.ok ? 200 : 503, headers });
}
