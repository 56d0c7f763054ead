import { labRoute } from '@/lib/lab/lab-route';
import { labSigningKey } from '@/lib/lab/lab-keys';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** The lab's own key set, where case 7's legitimate tokens point `jku`. */
export const GET = labRoute(async () => ok({ keys: [(await labSigningKey()).publicJwk] }));
