import { LAB_CASES } from '@/lib/lab/catalogue';
import { labRoute } from '@/lib/lab/lab-route';
import { ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** The lab's cases (404 with LAB_ENABLED=0, like every lab route). */
export const GET = labRoute(async () => ok({ cases: LAB_CASES.map(({ number, slug, title }) => ({ number, slug, title })) }));
