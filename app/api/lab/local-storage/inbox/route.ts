import { parseLoot } from '@/lib/lab/local-storage/attacker-inbox';
import { labAttackerInbox } from '@/lib/lab/local-storage/lab-inbox';
import { labRoute } from '@/lib/lab/lab-route';
import { readJson } from '@/lib/server/http/body';
import { fail, noContent, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

/** The attacker's inbox: what injected scripts posted, newest last. */
export const GET = labRoute(async () => ok({ entries: labAttackerInbox().list() }));

/** `{ page, localStorage, cookies }` from the injected script. */
export const POST = labRoute(async ({ ctx }) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const loot = parseLoot(body.value);
  if (loot === null) return fail('bad_request', 'Expected { page, localStorage: { key: string }, cookies: string }, each bounded in size.');
  labAttackerInbox().receive(loot, ctx.now);
  return noContent();
});

export const DELETE = labRoute(async () => {
  labAttackerInbox().clear();
  return noContent();
});
