import { labRoute } from '@/lib/lab/lab-route';
import { describeTheftLabCaller } from '@/lib/lab/theft/theft-lab';

export const dynamic = 'force-dynamic';

/** Who the lab access token (Bearer) stands for. */
export const GET = labRoute(async ({ ctx }) => describeTheftLabCaller(ctx));
