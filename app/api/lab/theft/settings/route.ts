import { labRoute } from '@/lib/lab/lab-route';
import { describeTheftSettings } from '@/lib/lab/theft/theft-lab';

export const dynamic = 'force-dynamic';

/** The access-token TTL, grace window and denylist the real flow runs with now, read-only. */
export const GET = labRoute(async ({ ctx }) => describeTheftSettings(ctx));
