import { labRoute } from '@/lib/lab/lab-route';
import { noContent } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

export const POST = labRoute(async () => ({ ...noContent(), labCookies: [{ purpose: 'bloatedJwt', clear: true }] }));
