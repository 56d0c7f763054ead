import { formatServerTiming } from '@/lib/http/server-timing';
import { getInstanceId } from '@/lib/server/instance';
import { getStore } from '@/lib/server/store';
import { checkStoreHealth } from '@/lib/store/health';

export const dynamic = 'force-dynamic';

/** 200 when the store answers a PING, 503 when it does not: what a load balancer should route on. */
export async function GET(): Promise<Response> {
  const health = await checkStoreHealth(getStore());
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (health.roundTripMs !== null) headers.set('Server-Timing', formatServerTiming([{ name: 'store', durationMs: health.roundTripMs }]));
  return Response.json({ store: health, instance: getInstanceId() }, { status: health.ok ? 200 : 503, headers });
}
