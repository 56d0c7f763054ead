import { labRoute } from '@/lib/lab/lab-route';
import { noContent } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** WRONG ON PURPOSE: the whole logout is asking the browser to delete its cookie; any copy stays valid. */
export const POST = labRoute(async () => ({ ...noContent(), labCookies: [{ purpose: 'statelessSession', clear: true }] }));
