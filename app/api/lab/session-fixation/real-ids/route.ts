import { generateOpaqueToken } from '@/lib/crypto/opaque-token';
import { labRoute } from '@/lib/lab/lab-route';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** Two fresh values from the generator the real login uses for session ids: unrelated to any session, shown for comparison. */
export const GET = labRoute(async () => ok({ ids: [generateOpaqueToken(), generateOpaqueToken()] }));
